// Readiness: the database answers too (the same as /api/health), so a reverse proxy sends
// visitors only to servers that can serve them.
export { GET } from "../route";
