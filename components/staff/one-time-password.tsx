/** A freshly issued password, shown this once: it is not stored in clear and cannot be shown again. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="space-y-2 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
      <p className="text-lg font-bold">一次性密码（只显示这一次）</p>
      <p>
        账号：<span className="font-mono text-lg">{username}</span>
      </p>
      <p>
        密码：
        <output aria-label="一次性密码" className="font-mono text-2xl font-bold tracking-wider break-all">
          {password}
        </output>
      </p>
      <p>请现在抄下或当面交给本人。离开本页后无法再次查看；忘记了只能重新设置。</p>
    </div>
  );
}
