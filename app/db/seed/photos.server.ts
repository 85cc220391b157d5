import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { foldVietnamese } from "~/domain/catalog/fold";
import type { ProductGroup } from "~/domain/catalog/groups";

/**
 * Placeholder photos for demo and benchmark data, drawn locally as SVG and encoded to WebP with
 * sharp: no downloads, no fonts (a machine may have none), so the pictures carry no text. Each is a
 * gradient in the colours of the product's group with a simple shape that hints at the kind of good.
 */

export interface GeneratedPhoto {
  /** Path relative to the uploads folder, in the server's own naming scheme: `products/<hex>.webp`. */
  file: string;
  width: number;
  height: number;
}

export type Motif =
  | "bottle"
  | "jar"
  | "bag"
  | "cup"
  | "leaf"
  | "vase"
  | "hat"
  | "pot"
  | "house"
  | "fruit"
  | "box"
  | "fish"
  | "fabric"
  | "frame"
  | "lantern"
  | "basket"
  | "bowl";

const PRODUCT_SIZE = 640;
const PRODUCER_WIDTH = 960;
const PRODUCER_HEIGHT = 640;
const WEBP = { quality: 70, effort: 2 } as const;

/** Base hues of each group's background (HSL hue, degrees). */
const GROUP_HUE: Record<ProductGroup, number> = {
  food: 32,
  beverage: 190,
  herbal: 95,
  handicraft: 340,
  ornamental: 285,
  tourism: 210,
};

const DEFAULT_MOTIF: Record<ProductGroup, Motif> = {
  food: "box",
  beverage: "cup",
  herbal: "leaf",
  handicraft: "vase",
  ornamental: "pot",
  tourism: "house",
};

// Checked in order against the folded product name: the first match wins.
const MOTIF_WORDS: [Motif, string[]][] = [
  ["hat", ["non la", "non ngua"]],
  ["lantern", ["den long"]],
  ["frame", ["tranh", "son mai"]],
  ["basket", ["coi", "gio ", "tui coi", "chieu"]],
  ["fabric", ["lua", "khan", "tho cam", "vai lua", "huong"]],
  ["vase", ["gom", "binh", "lo hoa", "am chen", "tuong "]],
  ["pot", ["lan ", "mai vang", "mai chieu", "cuc ", "hoa hong", "sen da", "bonsai", "kieng", "chau"]],
  ["cup", ["ca phe", "tra ", "che ", "hong tra"]],
  ["bottle", ["nuoc mam", "ruou", "tinh dau", "nuoc yen", "vang", "tuong ban", "tuong nam", "nuoc"]],
  ["jar", ["mat ong", "mam", "mach nha", "cao ", "ngam", "muoi tom", "mat nho", "hu "]],
  ["fish", ["muc", "tom kho", "ca ", "kho ca", "ba khia", "sa sung", "cha muc"]],
  ["bowl", ["mien", "my ", "mi ", "hu tieu", "banh trang", "banh da"]],
  ["bag", ["gao", "hat dieu", "muoi", "hat sen", "duong", "tieu", "hat de", "hoi", "que", "nep"]],
  ["fruit", ["buoi", "cam ", "vai", "nhan", "xoai", "na ", "khom", "thanh long", "dau ", "toi", "man "]],
  ["leaf", ["sam", "atiso", "ba kich", "duoc lieu"]],
  ["box", ["banh", "keo", "mut", "com chay", "me xung", "nem", "yen", "lap xuong", "thit"]],
];

/** The shape that suits a product, guessed from its name, else its group's default. */
export function motifFor(name: string, group: ProductGroup): Motif {
  if (group === "tourism") return "house";
  const folded = ` ${foldVietnamese(name)} `;
  for (const [motif, words] of MOTIF_WORDS) {
    if (words.some((w) => folded.includes(` ${w}`))) return motif;
  }
  return DEFAULT_MOTIF[group];
}

/** A small deterministic PRNG (mulberry32) so a product's picture does not change between seeds. */
export function seededRandom(seed: string | number): () => number {
  let h = typeof seed === "number" ? seed >>> 0 : 2166136261;
  if (typeof seed === "string") {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  }
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUN = "hsl(42,92%,62%)";
const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(((h % 360) + 360) % 360)},${s}%,${l}%)`;

interface Palette {
  bgFrom: string;
  bgTo: string;
  main: string;
  dark: string;
  light: string;
  accent: string;
}

function palette(group: ProductGroup, rnd: () => number): Palette {
  const hue = GROUP_HUE[group] + (rnd() - 0.5) * 30;
  const accentHue = hue + 150 + rnd() * 60;
  return {
    bgFrom: hsl(hue, 75, 94),
    bgTo: hsl(hue + 12, 60, 72),
    main: hsl(hue + (rnd() - 0.5) * 40, 55, 42),
    dark: hsl(hue, 45, 24),
    light: hsl(hue, 70, 97),
    accent: hsl(accentHue, 65, 55),
  };
}

/** Scattered soft dots and rings behind the motif, placed by the seed. */
function backdrop(w: number, h: number, p: Palette, rnd: () => number): string {
  const parts: string[] = [];
  parts.push(`<circle cx="${w * (0.3 + rnd() * 0.4)}" cy="${h * (0.35 + rnd() * 0.2)}" r="${h * 0.36}" fill="${p.light}" opacity="0.55"/>`);
  const count = 5 + Math.floor(rnd() * 6);
  for (let i = 0; i < count; i++) {
    const r = 8 + rnd() * 34;
    const x = rnd() * w;
    const y = rnd() * h;
    parts.push(
      rnd() < 0.5
        ? `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${p.light}" opacity="${(0.25 + rnd() * 0.3).toFixed(2)}"/>`
        : `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="none" stroke="${p.light}" stroke-width="4" opacity="0.45"/>`,
    );
  }
  return parts.join("");
}

/** Motifs are drawn in a 640×640 box centred at (320, 330), resting on a shadow at y ≈ 540. */
function motifSvg(motif: Motif, p: Palette, rnd: () => number): string {
  const shadow = `<ellipse cx="320" cy="548" rx="${170 + rnd() * 30}" ry="22" fill="${p.dark}" opacity="0.18"/>`;
  const label = (x: number, y: number, w: number, h: number) =>
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${p.light}"/>` +
    `<rect x="${x + 16}" y="${y + h / 2 - 14}" width="${w - 32}" height="8" rx="4" fill="${p.accent}"/>` +
    `<rect x="${x + 28}" y="${y + h / 2 + 6}" width="${w - 56}" height="6" rx="3" fill="${p.dark}" opacity="0.35"/>`;
  switch (motif) {
    case "bottle": {
      const body = p.main;
      return (
        shadow +
        `<rect x="290" y="120" width="60" height="70" rx="8" fill="${body}"/>` +
        `<rect x="284" y="100" width="72" height="30" rx="8" fill="${p.accent}"/>` +
        `<path d="M290 185 C240 215 232 240 232 280 L232 515 Q232 545 262 545 L378 545 Q408 545 408 515 L408 280 C408 240 400 215 350 185 Z" fill="${body}"/>` +
        `<path d="M252 290 L252 510" stroke="${p.light}" stroke-width="12" stroke-linecap="round" opacity="0.35"/>` +
        label(250, 340, 140, 120)
      );
    }
    case "jar":
      return (
        shadow +
        `<rect x="215" y="170" width="210" height="48" rx="14" fill="${p.accent}"/>` +
        `<path d="M225 215 L415 215 Q450 240 450 290 L450 505 Q450 545 410 545 L230 545 Q190 545 190 505 L190 290 Q190 240 225 215 Z" fill="${p.main}"/>` +
        `<path d="M215 290 L215 500" stroke="${p.light}" stroke-width="12" stroke-linecap="round" opacity="0.35"/>` +
        label(235, 320, 170, 140)
      );
    case "bag": {
      const grains = Array.from({ length: 14 }, () => {
        const x = 150 + rnd() * 340;
        const y = 520 + rnd() * 30;
        return `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="9" ry="5" fill="${p.light}" transform="rotate(${(rnd() * 180).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`;
      }).join("");
      return (
        shadow +
        `<path d="M240 150 Q320 120 400 150 L385 205 L255 205 Z" fill="${p.main}"/>` +
        `<rect x="248" y="195" width="144" height="22" rx="11" fill="${p.accent}"/>` +
        `<path d="M255 215 L385 215 Q470 300 460 480 Q455 540 400 545 L240 545 Q185 540 180 480 Q170 300 255 215 Z" fill="${p.main}"/>` +
        `<path d="M215 300 Q230 420 215 500" stroke="${p.dark}" stroke-width="6" fill="none" opacity="0.25"/>` +
        label(240, 330, 160, 130) +
        grains
      );
    }
    case "cup":
      return (
        shadow +
        `<ellipse cx="320" cy="520" rx="190" ry="34" fill="${p.light}"/>` +
        `<ellipse cx="320" cy="515" rx="150" ry="22" fill="${p.dark}" opacity="0.12"/>` +
        `<path d="M180 330 L460 330 Q455 470 380 505 L260 505 Q185 470 180 330 Z" fill="${p.main}"/>` +
        `<path d="M455 360 Q520 360 515 415 Q510 465 440 460" stroke="${p.main}" stroke-width="22" fill="none"/>` +
        `<ellipse cx="320" cy="330" rx="140" ry="22" fill="${p.dark}"/>` +
        `<path d="M210 380 Q320 410 430 380" stroke="${p.light}" stroke-width="10" fill="none" opacity="0.5"/>` +
        [260, 320, 380]
          .map((x) => `<path d="M${x} 290 Q${x - 22} 250 ${x} 215 Q${x + 22} 180 ${x} 140" stroke="${p.light}" stroke-width="10" stroke-linecap="round" fill="none" opacity="0.8"/>`)
          .join("") +
        `<path d="M470 250 Q540 200 560 260 Q500 300 470 250 Z" fill="${p.accent}"/>`
      );
    case "leaf": {
      const angle = -25 + rnd() * 50;
      return (
        shadow +
        `<g transform="rotate(${angle.toFixed(0)} 320 340)">` +
        `<path d="M320 110 Q500 220 470 400 Q440 520 320 545 Q200 520 170 400 Q140 220 320 110 Z" fill="${p.main}"/>` +
        `<path d="M320 130 L320 545" stroke="${p.light}" stroke-width="8" opacity="0.7"/>` +
        [200, 260, 320, 380, 440]
          .map((y, i) => `<path d="M320 ${y} L${i % 2 ? 430 : 410} ${y - 60}" stroke="${p.light}" stroke-width="6" opacity="0.55"/><path d="M320 ${y} L${i % 2 ? 210 : 230} ${y - 60}" stroke="${p.light}" stroke-width="6" opacity="0.55"/>`)
          .join("") +
        `</g>` +
        `<circle cx="455" cy="470" r="44" fill="${p.accent}"/><circle cx="500" cy="500" r="30" fill="${p.accent}" opacity="0.8"/>`
      );
    }
    case "vase":
      return (
        shadow +
        `<path d="M275 130 L365 130 L358 175 Q470 250 468 360 Q465 480 390 545 L250 545 Q175 480 172 360 Q170 250 282 175 Z" fill="${p.main}"/>` +
        `<rect x="268" y="120" width="104" height="22" rx="8" fill="${p.dark}"/>` +
        `<path d="M196 300 Q320 330 444 300" stroke="${p.light}" stroke-width="14" fill="none"/>` +
        `<path d="M190 420 Q320 450 450 420" stroke="${p.light}" stroke-width="14" fill="none"/>` +
        `<path d="M250 360 Q285 335 320 360 Q355 385 390 360" stroke="${p.accent}" stroke-width="10" fill="none"/>` +
        `<circle cx="320" cy="245" r="16" fill="${p.accent}"/>`
      );
    case "hat":
      return (
        shadow +
        `<path d="M320 150 L530 470 Q320 545 110 470 Z" fill="${p.main}"/>` +
        [0.25, 0.45, 0.65, 0.85]
          .map((t) => {
            const y = 150 + t * 330;
            const half = t * 210;
            return `<path d="M${320 - half} ${y} Q320 ${y + 30 * t} ${320 + half} ${y}" stroke="${p.light}" stroke-width="5" fill="none" opacity="0.6"/>`;
          })
          .join("") +
        `<path d="M150 480 Q320 600 490 480" stroke="${p.accent}" stroke-width="8" fill="none"/>`
      );
    case "pot": {
      const flowers = Array.from({ length: 5 + Math.floor(rnd() * 4) }, () => {
        const x = 190 + rnd() * 260;
        const y = 130 + rnd() * 170;
        const r = 22 + rnd() * 18;
        return (
          `<path d="M320 350 Q${((x + 320) / 2).toFixed(0)} ${(y + 120).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)}" stroke="${p.dark}" stroke-width="6" fill="none" opacity="0.7"/>` +
          `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${p.accent}"/>` +
          `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(r / 2.6).toFixed(0)}" fill="${p.light}"/>`
        );
      }).join("");
      return (
        shadow +
        flowers +
        `<path d="M250 360 Q320 300 390 360" stroke="${p.dark}" stroke-width="14" fill="none"/>` +
        `<rect x="195" y="350" width="250" height="40" rx="12" fill="${p.dark}"/>` +
        `<path d="M210 385 L430 385 L400 545 L240 545 Z" fill="${p.main}"/>` +
        `<path d="M228 440 L412 440" stroke="${p.light}" stroke-width="8" opacity="0.5"/>`
      );
    }
    case "house":
      return (
        `<path d="M0 470 Q160 380 320 450 Q480 520 640 430 L640 640 L0 640 Z" fill="${p.main}" opacity="0.55"/>` +
        `<path d="M0 520 Q200 460 380 520 Q520 565 640 520 L640 640 L0 640 Z" fill="${p.main}"/>` +
        `<circle cx="${480 + rnd() * 60}" cy="${130 + rnd() * 40}" r="48" fill="${SUN}"/>` +
        `<path d="M170 300 L320 190 L470 300 Z" fill="${p.dark}"/>` +
        `<rect x="200" y="300" width="240" height="130" fill="${p.light}"/>` +
        `<rect x="295" y="340" width="50" height="90" fill="${p.main}"/>` +
        `<rect x="225" y="330" width="45" height="40" fill="${p.accent}" opacity="0.8"/>` +
        `<rect x="370" y="330" width="45" height="40" fill="${p.accent}" opacity="0.8"/>` +
        [215, 285, 355, 425].map((x) => `<rect x="${x}" y="430" width="12" height="80" fill="${p.dark}"/>`).join("") +
        `<path d="M90 520 L90 420 M70 440 Q90 380 110 440" stroke="${p.dark}" stroke-width="8" fill="none"/>`
      );
    case "fruit": {
      const fruits = [
        [250, 400, 105],
        [390, 410, 95],
        [320, 300, 90],
      ]
        .map(
          ([x, y, r]) =>
            `<circle cx="${x}" cy="${y}" r="${r}" fill="${p.main}"/>` +
            `<circle cx="${x! - r! * 0.35}" cy="${y! - r! * 0.35}" r="${r! * 0.25}" fill="${p.light}" opacity="0.45"/>`,
        )
        .join("");
      return (
        shadow +
        fruits +
        `<path d="M320 210 L325 170" stroke="${p.dark}" stroke-width="10" stroke-linecap="round"/>` +
        `<path d="M325 180 Q390 130 420 180 Q370 215 325 180 Z" fill="${p.accent}"/>` +
        `<path d="M140 470 Q320 580 500 470 L480 520 Q320 600 160 520 Z" fill="${p.dark}" opacity="0.8"/>`
      );
    }
    case "box":
      return (
        shadow +
        `<rect x="170" y="290" width="300" height="250" rx="14" fill="${p.main}"/>` +
        `<rect x="150" y="240" width="340" height="70" rx="14" fill="${p.dark}"/>` +
        `<rect x="300" y="240" width="40" height="300" fill="${p.accent}"/>` +
        `<rect x="150" y="262" width="340" height="26" fill="${p.accent}" opacity="0.85"/>` +
        `<path d="M320 240 Q250 150 220 200 Q215 245 320 240 Z" fill="${p.accent}"/>` +
        `<path d="M320 240 Q390 150 420 200 Q425 245 320 240 Z" fill="${p.accent}"/>` +
        `<circle cx="320" cy="240" r="18" fill="${p.light}"/>`
      );
    case "fish": {
      const fish = (y: number, scale: number, flip: boolean) =>
        `<g transform="translate(320 ${y}) scale(${flip ? -scale : scale} ${scale})">` +
        `<path d="M-170 0 Q-60 -90 90 0 Q-60 90 -170 0 Z" fill="${p.main}"/>` +
        `<path d="M80 0 L170 -60 L150 0 L170 60 Z" fill="${p.main}"/>` +
        `<circle cx="-115" cy="-12" r="10" fill="${p.light}"/>` +
        `<path d="M-40 -40 Q-15 0 -40 40 M0 -45 Q25 0 0 45" stroke="${p.light}" stroke-width="5" fill="none" opacity="0.5"/>` +
        `</g>`;
      return shadow + fish(300, 1, rnd() < 0.5) + fish(450, 0.85, rnd() < 0.5);
    }
    case "fabric": {
      const stripes = Array.from({ length: 6 }, (_, i) => {
        const y = 250 + i * 42;
        return `<path d="M140 ${y} L500 ${y - 40}" stroke="${i % 2 ? p.accent : p.light}" stroke-width="14" opacity="0.75"/>`;
      }).join("");
      return (
        shadow +
        `<path d="M140 230 L500 190 L500 500 L140 540 Z" fill="${p.main}"/>` +
        stripes +
        `<path d="M500 190 Q560 240 530 330 Q500 420 560 500 L500 500 Z" fill="${p.dark}"/>` +
        Array.from({ length: 8 }, (_, i) => `<path d="M${160 + i * 44} 540 l0 24" stroke="${p.dark}" stroke-width="6"/>`).join("")
      );
    }
    case "frame":
      return (
        shadow +
        `<rect x="130" y="150" width="380" height="390" rx="6" fill="${p.dark}"/>` +
        `<rect x="158" y="178" width="324" height="334" fill="${p.light}"/>` +
        `<path d="M158 440 Q250 360 330 420 Q410 470 482 400 L482 512 L158 512 Z" fill="${p.main}"/>` +
        `<circle cx="${380 + rnd() * 60}" cy="260" r="40" fill="${p.accent}"/>` +
        `<path d="M200 380 Q240 300 280 380 Z" fill="${p.main}" opacity="0.7"/>`
      );
    case "lantern":
      return (
        shadow +
        `<path d="M320 70 L320 150" stroke="${p.dark}" stroke-width="8"/>` +
        `<rect x="270" y="145" width="100" height="28" rx="6" fill="${p.dark}"/>` +
        `<path d="M280 170 Q150 300 280 440 L360 440 Q490 300 360 170 Z" fill="${p.main}"/>` +
        `<path d="M320 170 L320 440 M300 172 Q230 300 300 438 M340 172 Q410 300 340 438" stroke="${p.light}" stroke-width="5" fill="none" opacity="0.55"/>` +
        `<rect x="270" y="436" width="100" height="28" rx="6" fill="${p.dark}"/>` +
        [290, 305, 320, 335, 350].map((x) => `<path d="M${x} 464 L${x} 525" stroke="${p.accent}" stroke-width="5"/>`).join("")
      );
    case "basket":
      return (
        shadow +
        `<path d="M200 300 Q320 120 440 300" stroke="${p.dark}" stroke-width="16" fill="none"/>` +
        `<path d="M150 300 L490 300 L450 545 L190 545 Z" fill="${p.main}"/>` +
        Array.from({ length: 5 }, (_, i) => `<path d="M${160 + i * 2} ${335 + i * 45} L${480 - i * 2} ${335 + i * 45}" stroke="${p.light}" stroke-width="8" opacity="0.55"/>`).join("") +
        Array.from({ length: 7 }, (_, i) => `<path d="M${200 + i * 40} 300 L${212 + i * 36} 545" stroke="${p.dark}" stroke-width="5" opacity="0.35"/>`).join("") +
        `<rect x="140" y="290" width="360" height="24" rx="10" fill="${p.dark}"/>`
      );
    case "bowl":
      return (
        shadow +
        Array.from({ length: 7 }, (_, i) => `<path d="M${215 + i * 30} 330 Q${230 + i * 30} 230 ${205 + i * 30} 170" stroke="${p.light}" stroke-width="7" fill="none" opacity="0.85"/>`).join("") +
        `<path d="M150 330 L490 330 Q480 480 390 530 L250 530 Q160 480 150 330 Z" fill="${p.main}"/>` +
        `<ellipse cx="320" cy="330" rx="170" ry="26" fill="${p.dark}"/>` +
        `<path d="M190 400 Q320 430 450 400" stroke="${p.accent}" stroke-width="12" fill="none"/>` +
        `<path d="M470 120 L360 300 M500 140 L380 305" stroke="${p.dark}" stroke-width="9" stroke-linecap="round"/>`
      );
  }
}

function productSvg(name: string, group: ProductGroup, seed: string, motif?: Motif): string {
  const rnd = seededRandom(seed);
  const p = palette(group, rnd);
  const angle = rnd() < 0.5 ? `x1="0" y1="0" x2="1" y2="1"` : `x1="1" y1="0" x2="0" y2="1"`;
  const tilt = (rnd() - 0.5) * 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PRODUCT_SIZE}" height="${PRODUCT_SIZE}" viewBox="0 0 640 640">` +
    `<defs><linearGradient id="bg" ${angle}><stop offset="0" stop-color="${p.bgFrom}"/><stop offset="1" stop-color="${p.bgTo}"/></linearGradient></defs>` +
    `<rect width="640" height="640" fill="url(#bg)"/>` +
    backdrop(640, 640, p, rnd) +
    `<g transform="rotate(${tilt.toFixed(1)} 320 400)">${motifSvg(motif ?? motifFor(name, group), p, rnd)}</g>` +
    `</svg>`
  );
}

/** A producer's place: hills or terraced fields, a river or a road, a house, the sun. */
function producerSvg(group: ProductGroup, seed: string): string {
  const rnd = seededRandom(seed);
  const p = palette(group, rnd);
  const w = PRODUCER_WIDTH;
  const h = PRODUCER_HEIGHT;
  const ridges = Array.from({ length: 3 }, (_, i) => {
    const base = 300 + i * 90;
    const a = base - 60 - rnd() * 80;
    const b = base - 40 - rnd() * 80;
    return `<path d="M0 ${base} Q${w * 0.25} ${a} ${w * 0.5} ${base - 20} Q${w * 0.75} ${b} ${w} ${base - 10} L${w} ${h} L0 ${h} Z" fill="${hsl(GROUP_HUE[group] + 100 + i * 8, 35, 55 - i * 10)}"/>`;
  }).join("");
  const terraces = Array.from({ length: 5 }, (_, i) => {
    const y = 470 + i * 34;
    return `<path d="M0 ${y} Q${w / 2} ${y - 40 + rnd() * 20} ${w} ${y}" stroke="${p.light}" stroke-width="4" fill="none" opacity="0.35"/>`;
  }).join("");
  const hx = 220 + rnd() * 500;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.bgTo}"/><stop offset="1" stop-color="${p.bgFrom}"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
    `<circle cx="${120 + rnd() * 720}" cy="${90 + rnd() * 60}" r="54" fill="${SUN}" opacity="0.9"/>` +
    ridges +
    terraces +
    (rnd() < 0.5
      ? `<path d="M${w * 0.1} ${h} Q${w * 0.45} 520 ${w * 0.55} 430 Q${w * 0.6} 400 ${w * 0.7} 395" stroke="${p.light}" stroke-width="46" fill="none" opacity="0.7"/>`
      : "") +
    `<g transform="translate(${hx.toFixed(0)} 330)">` +
    `<path d="M-80 60 L0 0 L80 60 Z" fill="${p.dark}"/><rect x="-62" y="60" width="124" height="70" fill="${p.light}"/>` +
    `<rect x="-14" y="82" width="28" height="48" fill="${p.main}"/></g>` +
    `</svg>`
  );
}

async function writeWebp(uploadsDir: string, folder: string, svg: string, width: number, height: number): Promise<GeneratedPhoto> {
  const dir = path.join(uploadsDir, folder);
  await mkdir(dir, { recursive: true });
  const file = `${folder}/${randomBytes(16).toString("hex")}.webp`;
  const body = await sharp(Buffer.from(svg)).webp(WEBP).toBuffer();
  await writeFile(path.join(uploadsDir, file), body);
  return { file, width, height };
}

/** Draws one product photo and stores it as `products/<random hex>.webp` under `uploadsDir`. */
export function makeProductPhoto(
  uploadsDir: string,
  opts: { name: string; group: ProductGroup; seed: string; motif?: Motif },
): Promise<GeneratedPhoto> {
  return writeWebp(uploadsDir, "products", productSvg(opts.name, opts.group, opts.seed, opts.motif), PRODUCT_SIZE, PRODUCT_SIZE);
}

/** Draws one landscape for a producer's page and stores it as `producers/<random hex>.webp`. */
export function makeProducerPhoto(uploadsDir: string, opts: { group: ProductGroup; seed: string }): Promise<GeneratedPhoto> {
  return writeWebp(uploadsDir, "producers", producerSvg(opts.group, opts.seed), PRODUCER_WIDTH, PRODUCER_HEIGHT);
}

/** Runs async jobs with at most `limit` in flight (sharp is multi-threaded; a few at once is enough). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface PhotoPool {
  products: Record<ProductGroup, GeneratedPhoto[]>;
  producers: GeneratedPhoto[];
}

const POOL_MOTIFS: Record<ProductGroup, Motif[]> = {
  food: ["box", "jar", "bag", "fruit", "fish", "bottle", "bowl"],
  beverage: ["cup", "bottle", "bag", "cup"],
  herbal: ["leaf", "jar", "bottle", "bag"],
  handicraft: ["vase", "hat", "fabric", "frame", "basket", "lantern"],
  ornamental: ["pot", "pot", "pot"],
  tourism: ["house", "house", "house"],
};

/**
 * A small shared set of pictures for the bulk generator: many product rows point at the same
 * file, so a 100,000-product catalog needs a few dozen images rather than 100,000.
 */
export async function makePhotoPool(uploadsDir: string): Promise<PhotoPool> {
  const jobs = (Object.keys(POOL_MOTIFS) as ProductGroup[]).flatMap((group) =>
    POOL_MOTIFS[group].map((motif, i) => ({ group, motif, seed: `pool-${group}-${motif}-${i}` })),
  );
  const photos = await mapLimit(jobs, 4, (job) => makeProductPhoto(uploadsDir, { name: "", group: job.group, seed: job.seed, motif: job.motif }));
  const products = { food: [], beverage: [], herbal: [], handicraft: [], ornamental: [], tourism: [] } as Record<ProductGroup, GeneratedPhoto[]>;
  jobs.forEach((job, i) => products[job.group].push(photos[i]!));
  const groups = Object.keys(POOL_MOTIFS) as ProductGroup[];
  const producers = await mapLimit(groups, 4, (group, i) => makeProducerPhoto(uploadsDir, { group, seed: `pool-producer-${i}` }));
  return { products, producers };
}
