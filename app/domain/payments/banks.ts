/**
 * The Vietnamese banks a producer can be paid into: those that take NAPAS 247 / VietQR transfers.
 *
 * Source: the NAPAS/VietQR bank list as published by https://api.vietqr.io/v2/banks (fields `bin`,
 * `shortName`, `name`). This machine cannot reach that address, so on 2026-12-02 the BINs were
 * checked against two public copies of that payload kept in source repositories (one a 63-row
 * snapshot with the API's `id`s, one a later one that already has MBV for Oceanbank and Vikki for
 * DongA Bank); the two agree on every BIN below. Refresh from the API when a bank is renamed,
 * merged or added.
 *
 * Kept from that list: banks and digital banks where a producer holds an account. Left out: e-wallets
 * (MoMo, Viettel Money, VNPT Money) and finance companies (MAFC), which are not the bank account a
 * payout is made to. `shortName` is the name people say and see on their card, not the API's
 * run-together one ("MB Bank", not "MBBank"); a renamed bank keeps its old name beside the new one
 * so a passbook from before the change is still recognised.
 */
export interface Bank {
  /** The 6-digit NAPAS bank identification number, as a VietQR payload and a transfer order carry it. */
  bin: string;
  shortName: string;
  /** The full Vietnamese name, as the bank's own papers give it. */
  name: string;
}

export const BANKS: readonly Bank[] = [
  { bin: "970436", shortName: "Vietcombank", name: "Ngân hàng TMCP Ngoại Thương Việt Nam" },
  { bin: "970405", shortName: "Agribank", name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam" },
  { bin: "970418", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam" },
  { bin: "970415", shortName: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam" },
  { bin: "970422", shortName: "MB Bank", name: "Ngân hàng TMCP Quân đội" },
  { bin: "970407", shortName: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam" },
  { bin: "970416", shortName: "ACB", name: "Ngân hàng TMCP Á Châu" },
  { bin: "970432", shortName: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { bin: "970423", shortName: "TPBank", name: "Ngân hàng TMCP Tiên Phong" },
  { bin: "970403", shortName: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { bin: "970437", shortName: "HDBank", name: "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh" },
  { bin: "970441", shortName: "VIB", name: "Ngân hàng TMCP Quốc tế Việt Nam" },
  { bin: "970443", shortName: "SHB", name: "Ngân hàng TMCP Sài Gòn - Hà Nội" },
  { bin: "970448", shortName: "OCB", name: "Ngân hàng TMCP Phương Đông" },
  { bin: "970440", shortName: "SeABank", name: "Ngân hàng TMCP Đông Nam Á" },
  { bin: "970449", shortName: "LPBank (LienVietPostBank)", name: "Ngân hàng TMCP Lộc Phát Việt Nam" },
  { bin: "970426", shortName: "MSB", name: "Ngân hàng TMCP Hàng Hải Việt Nam" },
  { bin: "970431", shortName: "Eximbank", name: "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam" },
  { bin: "970428", shortName: "Nam A Bank", name: "Ngân hàng TMCP Nam Á" },
  { bin: "970409", shortName: "Bac A Bank", name: "Ngân hàng TMCP Bắc Á" },
  { bin: "970412", shortName: "PVcomBank", name: "Ngân hàng TMCP Đại Chúng Việt Nam" },
  { bin: "970452", shortName: "Kienlongbank", name: "Ngân hàng TMCP Kiên Long" },
  { bin: "970400", shortName: "Saigonbank", name: "Ngân hàng TMCP Sài Gòn Công Thương" },
  { bin: "970438", shortName: "BaoViet Bank", name: "Ngân hàng TMCP Bảo Việt" },
  { bin: "970425", shortName: "ABBANK", name: "Ngân hàng TMCP An Bình" },
  { bin: "970419", shortName: "NCB", name: "Ngân hàng TMCP Quốc Dân" },
  { bin: "970427", shortName: "VietABank", name: "Ngân hàng TMCP Việt Á" },
  { bin: "970433", shortName: "VietBank", name: "Ngân hàng TMCP Việt Nam Thương Tín" },
  { bin: "970454", shortName: "BVBank (Bản Việt)", name: "Ngân hàng TMCP Bản Việt" },
  { bin: "970429", shortName: "SCB", name: "Ngân hàng TMCP Sài Gòn" },
  { bin: "970430", shortName: "PGBank", name: "Ngân hàng TMCP Thịnh vượng và Phát triển" },
  { bin: "970408", shortName: "GPBank", name: "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu" },
  { bin: "970414", shortName: "MBV (Oceanbank)", name: "Ngân hàng TNHH MTV Việt Nam Hiện Đại" },
  { bin: "970444", shortName: "CBBank", name: "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam" },
  { bin: "970406", shortName: "Vikki (DongA Bank)", name: "Ngân hàng TNHH MTV Số Vikki" },
  { bin: "970446", shortName: "Co-opBank", name: "Ngân hàng Hợp tác xã Việt Nam" },
  { bin: "999888", shortName: "VBSP", name: "Ngân hàng Chính sách Xã hội" },
  { bin: "970421", shortName: "VRB", name: "Ngân hàng Liên doanh Việt - Nga" },
  { bin: "970434", shortName: "Indovina", name: "Ngân hàng TNHH Indovina" },
  { bin: "970424", shortName: "Shinhan", name: "Ngân hàng TNHH MTV Shinhan Việt Nam" },
  { bin: "970457", shortName: "Woori", name: "Ngân hàng TNHH MTV Woori Việt Nam" },
  { bin: "970439", shortName: "Public Bank", name: "Ngân hàng TNHH MTV Public Việt Nam" },
  { bin: "970442", shortName: "Hong Leong", name: "Ngân hàng TNHH MTV Hong Leong Việt Nam" },
  { bin: "970458", shortName: "UOB", name: "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "458761", shortName: "HSBC", name: "Ngân hàng TNHH MTV HSBC (Việt Nam)" },
  { bin: "970410", shortName: "Standard Chartered", name: "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam" },
  { bin: "422589", shortName: "CIMB", name: "Ngân hàng TNHH MTV CIMB Việt Nam" },
  { bin: "533948", shortName: "Citibank", name: "Ngân hàng Citibank, N.A. - Chi nhánh Hà Nội" },
  { bin: "796500", shortName: "DBS", name: "DBS Bank Ltd - Chi nhánh Thành phố Hồ Chí Minh" },
  { bin: "970455", shortName: "IBK Hà Nội", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội" },
  { bin: "970456", shortName: "IBK TP.HCM", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "970467", shortName: "KEB Hana Hà Nội", name: "Ngân hàng KEB Hana - Chi nhánh Hà Nội" },
  { bin: "970466", shortName: "KEB Hana TP.HCM", name: "Ngân hàng KEB Hana - Chi nhánh Thành phố Hồ Chí Minh" },
  { bin: "970462", shortName: "Kookmin Hà Nội", name: "Ngân hàng Kookmin - Chi nhánh Hà Nội" },
  { bin: "970463", shortName: "Kookmin TP.HCM", name: "Ngân hàng Kookmin - Chi nhánh Thành phố Hồ Chí Minh" },
  { bin: "801011", shortName: "Nonghyup", name: "Ngân hàng Nonghyup - Chi nhánh Hà Nội" },
  { bin: "668888", shortName: "KBank", name: "Ngân hàng Đại chúng TNHH Kasikornbank" },
  { bin: "546034", shortName: "Cake by VPBank", name: "Ngân hàng số CAKE by VPBank (Ngân hàng TMCP Việt Nam Thịnh Vượng)" },
  { bin: "546035", shortName: "Ubank by VPBank", name: "Ngân hàng số Ubank by VPBank (Ngân hàng TMCP Việt Nam Thịnh Vượng)" },
  { bin: "963388", shortName: "Timo", name: "Ngân hàng số Timo by Ban Viet Bank" },
];

const BY_BIN = new Map(BANKS.map((bank) => [bank.bin, bank]));

export function bankByBin(bin: string): Bank | undefined {
  return BY_BIN.get(bin);
}

export function isKnownBankBin(bin: string): boolean {
  return BY_BIN.has(bin);
}

/** The short name to show beside an account number; a BIN saved before this list existed still shows. */
export function bankName(bin: string): string {
  return BY_BIN.get(bin)?.shortName ?? `BIN ${bin}`;
}

/**
 * The banks in the order a `<select>` offers them: by short name in Vietnamese alphabetical order.
 * A producer looks for the name printed on their card or passbook, and an alphabetical list is one
 * they can scan without knowing our idea of which banks are common (there is no published ranking to
 * base one on); Agribank, the bank most rural producers use, sits near the top either way.
 */
export function banksByName(): Bank[] {
  const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
  return [...BANKS].sort((a, b) => collator.compare(a.shortName, b.shortName));
}
