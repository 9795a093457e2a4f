// Any /api/v1 path no route file serves: the error shape, not Next.js's HTML page, whatever the
// method. The same answer as any other unknown /api path (app/api/[...path]).
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "../../[...path]/route";
