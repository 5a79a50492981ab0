-- Data migration. The ACTIVE state arrived after the first requests were approved:
-- an APPROVED request whose grants are all active and applied in Kafka is ACTIVE.
-- Requests still waiting for their ACLs stay APPROVED; provisioning moves them on.
UPDATE "AccessRequest" r
SET "status" = 'ACTIVE', "updatedAt" = now()
WHERE r."status" = 'APPROVED'
  AND EXISTS (SELECT 1 FROM "Grant" g WHERE g."accessRequestId" = r."id")
  AND NOT EXISTS (
    SELECT 1 FROM "Grant" g
    WHERE g."accessRequestId" = r."id" AND (g."status" <> 'ACTIVE' OR g."provisioning" <> 'APPLIED')
  );
