"use client";

// A form bound to a server action (lib/action.ts). It works the same with JavaScript off (a plain
// POST; the page is rendered again with the answer) and on (useActionState). The controls inside
// read what was submitted and their errors from here, so every one of them shows exactly what was
// sent after a refusal; they are remounted on each answer, because a select ignores a changed
// defaultValue once mounted.
import { createContext, type ReactNode, useActionState, useContext, useRef } from "react";
import type { FormState, FormValues } from "@/lib/form-values";
import { ErrorSummary } from "./error-summary";
import { useFocusOnShow } from "./focus";

type FormContext = { idPrefix: string; values: FormValues | null; fields: Record<string, string> };

const Context = createContext<FormContext>({ idPrefix: "field", values: null, fields: {} });

/** The id of the control for `name` ("onBehalfOf.name" → "book-onBehalfOf-name"). */
export const controlId = (idPrefix: string, name: string) => `${idPrefix}-${name.replace(/\./g, "-")}`;

/** What a control needs: its id, its error, and the value to show (what was submitted, else `fallback`). */
export function useField(name: string) {
  const { idPrefix, values, fields } = useContext(Context);
  const id = controlId(idPrefix, name);
  return { id, error: fields[name], submitted: values ? (values[name] ?? "") : undefined };
}

/** Provides defaults (a GET filter's current values) to the controls inside, without an action. */
export function FieldScope({ idPrefix, values, children }: { idPrefix: string; values?: FormValues; children: ReactNode }) {
  return <Context.Provider value={{ idPrefix, values: values ?? null, fields: {} }}>{children}</Context.Provider>;
}

export type ActionFormProps<Data> = {
  action: (state: FormState<Data>, form: FormData) => Promise<FormState<Data>>;
  /** Prefix of the controls' ids; unique on the page. */
  idPrefix: string;
  /**
   * The form's accessible name: every form has one, unique on its page (a page's forms and the
   * header's 长辈模式 switch are told apart by screen readers and checkers, issue 22 item 14).
   */
  label: string;
  /** The space between the answer and the controls, and between the controls ("space-y-3"). */
  className?: string;
  /** Errors in the summary in this order (input names); by default in the order the action gave them. */
  order?: string[];
  /**
   * What a success shows below its sentence, inside the result (a one-time password): focused and
   * in view with it, and read out with it.
   */
  result?: (data: Data | undefined) => ReactNode;
  /** The controls; a function of the answer where they change with it (a confirm step). */
  children: ReactNode | ((state: FormState<Data>, pending: boolean) => ReactNode);
};

export function ActionForm<Data = undefined>({
  action,
  idPrefix,
  label,
  className,
  order,
  result,
  children,
}: ActionFormProps<Data>) {
  const [state, formAction, pending] = useActionState<FormState<Data>, FormData>(action, null);
  const failed = state !== null && !state.ok;
  const succeeded = Boolean(state?.ok && state.message);
  // The result region stays mounted, so that screen readers hear it change; it takes the focus
  // again for each new answer (the error summary is remounted for each, and focuses itself).
  const resultRef = useRef<HTMLDivElement>(null);
  useFocusOnShow(resultRef, succeeded, state?.attempt);
  const spacing = className ?? "space-y-5";
  const context: FormContext = { idPrefix, values: failed ? state.values : null, fields: failed ? state.fields : {} };
  const keys = order ? order.filter((name) => state?.fields[name]) : Object.keys(state?.fields ?? {});
  return (
    <form action={formAction} aria-label={label} noValidate className={spacing}>
      <div
        ref={resultRef}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        className={succeeded ? "scroll-m-4 space-y-3 rounded-lg border-2 border-green-700 bg-green-50 p-3" : ""}
      >
        {succeeded && (
          <>
            <p>{state?.message}</p>
            {result?.(state?.data)}
          </>
        )}
      </div>
      {failed && state.message && (
        <ErrorSummary
          key={state.attempt}
          message={state.message}
          errors={keys
            .filter((name) => name !== "_")
            .map((name) => ({ id: controlId(idPrefix, name), message: state.fields[name] }))}
        />
      )}
      <Context.Provider value={context}>
        {/* No box of its own, so the controls are spaced as the form's children would be. */}
        <div key={state?.attempt ?? 0} className={`contents ${spacing}`}>
          {typeof children === "function" ? children(state, pending) : children}
        </div>
      </Context.Provider>
    </form>
  );
}
