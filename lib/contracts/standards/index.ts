import "server-only";

// lib/contracts/standards: the contract and the product in the Bitol standards (ODCS v3.0.2, ODPS v1.0.0),
// exported at stable URLs and imported as a new product (docs/decisions/0047).
export { exportOdcs, exportOdps, exportSourceFor } from "./export-source";
export { previewImport, importProduct, type ImportPreview } from "./import-product";
