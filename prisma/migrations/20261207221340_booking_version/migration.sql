-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Every change of a booking, by any statement of the app or by hand, raises its version, so an
-- ETag read before the change no longer matches (the API's If-Match answers 412).
CREATE FUNCTION booking_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER booking_version BEFORE UPDATE ON "booking" FOR EACH ROW EXECUTE FUNCTION booking_bump_version();
