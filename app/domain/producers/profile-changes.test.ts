import { describe, expect, it } from "vitest";
import { bankAccountText, changedFields, mergeChanges, parseChanges, statusAfterSave, verificationAfterSave, type ProfileFacts } from "./profile-changes";

const verified: ProfileFacts = {
  name: "HTX Lúa tôm Mỹ Xuyên",
  entityType: "cooperative",
  provinceCode: "92",
  wardCode: "31117",
  addressLine: "Ấp Hoà Thành",
  phone: "0939111222",
  story: "",
  bankAccount: null,
};

describe("statusAfterSave", () => {
  it("sends an approved producer back to staff when its name, kind or province changes, and only then", () => {
    expect(statusAfterSave("approved", ["name"])).toBe("pending");
    expect(statusAfterSave("approved", ["entityType"])).toBe("pending");
    expect(statusAfterSave("approved", ["provinceCode", "wardCode"])).toBe("pending");
    expect(statusAfterSave("approved", ["story", "phone", "addressLine", "wardCode", "bankAccount"])).toBe("approved");
    expect(statusAfterSave("approved", [])).toBe("approved");
  });

  it("keeps a rejection whatever is saved, and a pending profile pending", () => {
    for (const changed of [[], ["provinceCode"], ["name", "entityType", "provinceCode"]] as const) {
      expect(statusAfterSave("rejected", changed)).toBe("rejected");
      expect(statusAfterSave("pending", changed)).toBe("pending");
    }
  });

  it("resubmits a profile staff asked to change", () => {
    expect(statusAfterSave("changes_requested", [])).toBe("pending");
  });
});

describe("mergeChanges", () => {
  it("keeps the value staff decided on as `before` over several saves, and forgets a field put back", () => {
    const first = mergeChanges({}, verified, { ...verified, name: "HTX Mới", phone: "0939000000" });
    expect(first).toEqual({ name: { before: "HTX Lúa tôm Mỹ Xuyên", after: "HTX Mới" }, phone: { before: "0939111222", after: "0939000000" } });
    const second = mergeChanges(first, { ...verified, name: "HTX Mới", phone: "0939000000" }, { ...verified, name: "HTX Mới hơn", phone: "0939111222" });
    expect(second).toEqual({ name: { before: "HTX Lúa tôm Mỹ Xuyên", after: "HTX Mới hơn" } });
  });

  it("round-trips through its stored JSON and reads junk as nothing", () => {
    const changes = mergeChanges({}, verified, { ...verified, bankAccount: bankAccountText("970436", "0123456789", "HTX") });
    expect(parseChanges(JSON.stringify(changes))).toEqual(changes);
    expect(parseChanges("not json")).toEqual({});
    expect(parseChanges(null)).toEqual({});
    expect(parseChanges('{"name": 5, "phone": {"before": 1}, "evil": {"before": "x"}}')).toEqual({ phone: { before: null, after: null } });
  });
});

describe("changedFields", () => {
  it("compares the payout account as one value", () => {
    expect(bankAccountText(null, null, null)).toBeNull();
    expect(changedFields(verified, { ...verified, bankAccount: bankAccountText("970436", "0123456789", null) })).toEqual(["bankAccount"]);
  });
});

describe("verificationAfterSave", () => {
  const account = { ...verified, bankAccount: bankAccountText("970436", "0123456789", "HTX LUA TOM") };

  it("records a payout account set after staff approved, keeping the approval", () => {
    const after = verificationAfterSave({ verificationStatus: "approved", verificationChanges: null }, verified, account);
    expect(after.verificationStatus).toBe("approved");
    expect(parseChanges(after.verificationChanges)).toEqual({ bankAccount: { before: null, after: "970436 0123456789 HTX LUA TOM" } });
  });

  it("records nothing for a profile staff never decided on", () => {
    expect(verificationAfterSave({ verificationStatus: "pending", verificationChanges: null }, verified, account)).toEqual({
      verificationStatus: "pending",
      verificationChanges: null,
    });
  });
});
