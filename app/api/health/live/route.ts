// Liveness: the process answers. Never asks the database, so a database outage does not make an
// orchestrator restart healthy web servers; readiness is /api/health/ready (and /api/health).
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
