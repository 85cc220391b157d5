import { describe, expect, it } from "vitest";
import {
  badgeCertificate,
  expiryFor,
  isCertificateValid,
  issuerLevelForStars,
  issuerNameFor,
  starsForScore,
  type CertificateStatus,
} from "./certificate";

const cert = (status: CertificateStatus, decisionDate: string, stars = 4) => ({
  status,
  stars,
  decisionDate,
  expiresOn: expiryFor(decisionDate),
});

describe("stars and issuers", () => {
  it("maps score bands to stars", () => {
    expect(starsForScore(49)).toBeNull();
    expect(starsForScore(50)).toBe(3);
    expect(starsForScore(69)).toBe(3);
    expect(starsForScore(70)).toBe(4);
    expect(starsForScore(89)).toBe(4);
    expect(starsForScore(90)).toBe(5);
    expect(starsForScore(100)).toBe(5);
    expect(starsForScore(101)).toBeNull();
    expect(starsForScore(75.5)).toBeNull();
  });
  it("leaves 5★ to the central level since Decision 1489/QĐ-TTg", () => {
    expect(issuerLevelForStars(3)).toBe("province");
    expect(issuerLevelForStars(4)).toBe("province");
    expect(issuerLevelForStars(5)).toBe("central");
  });
  it("expires 36 months after the decision", () => {
    expect(expiryFor("2025-08-20")).toBe("2028-08-20");
  });
});

describe("certificate validity", () => {
  const active = cert("active", "2024-03-01");
  it("is valid up to the day before expiry and gone on the expiry date", () => {
    expect(isCertificateValid(active, "2027-02-28")).toBe(true);
    expect(isCertificateValid(active, "2027-03-01")).toBe(false);
  });
  it("is never valid once revoked or marked expired", () => {
    expect(isCertificateValid(cert("revoked", "2026-01-01"), "2026-02-01")).toBe(false);
    expect(isCertificateValid(cert("expired", "2026-01-01"), "2026-02-01")).toBe(false);
  });
});

/** The OCOP badge rule as the pages apply it: the badge certificate exists and is valid today. */
const showsBadge = (certs: ReturnType<typeof cert>[], today: string) => {
  const badge = badgeCertificate(certs);
  return badge !== null && isCertificateValid(badge, today);
};

describe("the badge rule", () => {
  it("shows no badge without certificates", () => {
    expect(badgeCertificate([])).toBeNull();
    expect(showsBadge([], "2026-11-23")).toBe(false);
  });
  it("shows the longest-running active certificate", () => {
    const old = cert("active", "2024-01-10", 3);
    const renewed = cert("active", "2026-05-01", 4);
    expect(badgeCertificate([old, renewed])).toBe(renewed);
    expect(badgeCertificate([renewed, old])).toBe(renewed);
  });
  it("ignores a revoked certificate even when it is the newest", () => {
    const revoked = cert("revoked", "2026-06-01", 5);
    const older = cert("active", "2025-01-01", 3);
    expect(badgeCertificate([revoked, older])).toBe(older);
    expect(showsBadge([revoked], "2026-11-23")).toBe(false);
  });
  it("disappears by itself when the only active certificate expires", () => {
    const expiring = cert("active", "2023-11-23");
    expect(showsBadge([expiring], "2026-11-22")).toBe(true);
    expect(showsBadge([expiring], "2026-11-23")).toBe(false);
  });
});

describe("issuerNameFor", () => {
  it("names the ministry for 5★ and the province's People's Committee otherwise", () => {
    expect(issuerNameFor(5, "Tỉnh Đắk Lắk")).toBe("Bộ Nông nghiệp và Môi trường");
    expect(issuerNameFor(4, "Thành phố Cần Thơ")).toBe("UBND thành phố Cần Thơ");
    expect(issuerNameFor(3, "Tỉnh Đắk Lắk")).toBe("UBND tỉnh Đắk Lắk");
  });
});
