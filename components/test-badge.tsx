/** Marks a test client's booking or its text (lib/test-mode.ts): not a real villager's, counted nowhere. */
export function TestBadge() {
  return (
    <span
      title="测试接入方做的预约：不是真实村民，不计入统计，短信不会发出"
      className="ml-2 inline-block rounded border-2 border-amber-700 bg-amber-50 px-1.5 text-sm font-bold text-amber-900"
    >
      测试
    </span>
  );
}
