import { requireRole } from "./permissions.server";
import type { SessionUser } from "./sessions.server";

export const STAFF_ROLES = ["staff", "central_staff"] as const;

/** A signed-in staff member (provincial or central); a 403 page for anyone else. */
export function requireStaff(request: Request): Promise<SessionUser> {
  return requireRole(request, STAFF_ROLES);
}

/** The one province a staff member acts in, or null for central staff, who act everywhere. */
export function staffProvince(staff: SessionUser): string | null {
  if (staff.role === "central_staff") return null;
  if (staff.role === "staff" && staff.provinceCode) return staff.provinceCode;
  throw new Response("Forbidden", { status: 403 });
}

/** Whether a staff member may see and act on a record of `provinceCode`. */
export function staffMayActIn(staff: SessionUser, provinceCode: string): boolean {
  const province = staffProvince(staff);
  return province === null || province === provinceCode;
}

/** The 403 page for a record of another province (PRODUCT.md §1: provincial staff act only in theirs). */
export function assertStaffMayActIn(staff: SessionUser, provinceCode: string): void {
  if (!staffMayActIn(staff, provinceCode)) throw new Response("Forbidden", { status: 403 });
}
