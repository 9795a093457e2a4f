// The one form system: every form of the app, public and signed-in, is built from these.
export { CheckboxField, CheckboxGroup, RadioGroup } from "./choice";
export { ErrorSummary, type SummaryError } from "./error-summary";
export {
  type ControlProps,
  DateField,
  Field,
  FieldError,
  Hint,
  type Option,
  SelectField,
  TextareaField,
  TextField,
} from "./field";
export { ActionForm, controlId, FieldScope, useField } from "./form";
export {
  dangerButton,
  inputClass,
  primaryButton,
  secondaryButton,
  smallPrimaryButton,
  smallSecondaryButton,
  textLink,
} from "./styles";
export { SubmitButton } from "./submit-button";
