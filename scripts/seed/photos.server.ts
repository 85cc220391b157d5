import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ProductGroup } from "~/domain/catalog/groups";

/**
 * Placeholder photos for demo and benchmark data, drawn locally as SVG and encoded to WebP with
 * sharp: no downloads, no fonts (a machine may have none), so the pictures carry no text. Each is a
 * gradient in the colours of the product's group with a drawing of the goods themselves (each demo
 * product names its motif), or for the benchmark's shared pictures a generic shape.
 */

export interface GeneratedPhoto {
  /** Path relative to the uploads folder, in the server's own naming scheme: `products/<hex>.webp`. */
  file: string;
  width: number;
  height: number;
}

/** Generic shapes (the benchmark's shared pictures) or a kind of goods drawn as itself. */
export type Motif = Shape | Goods;

type Shape =
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
    default:
      return goodsSvg(motif, rnd);
  }
}
// ---------------------------------------------------------------------------------------------
// Goods drawn in their own colours (rice is white, chestnuts brown), so a 160 px thumbnail says
// what the product is; only the background takes the group's colours.

const SHADOW = `<ellipse cx="320" cy="552" rx="210" ry="22" fill="#000" opacity="0.14"/>`;
const plate = (rim = "#f3eee4", inner = "#e2dccf") =>
  `<ellipse cx="320" cy="505" rx="235" ry="52" fill="${rim}"/><ellipse cx="320" cy="497" rx="195" ry="36" fill="${inner}"/>`;
const PLATE = plate();
const f = (n: number) => n.toFixed(0);

/** Items heaped on a plate: rows narrowing upwards, a little jitter so it looks piled by hand. */
function heap(rnd: () => number, size: number, rows: number, item: (x: number, y: number, i: number) => string): string {
  let out = "";
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const n = rows + 1 - r;
    for (let k = 0; k < n; k++) {
      const x = 320 + (k - (n - 1) / 2) * size * 0.92 + (rnd() - 0.5) * size * 0.2;
      const y = 480 - r * size * 0.72 + (rnd() - 0.5) * size * 0.15;
      out += item(x, y, i++);
    }
  }
  return out;
}

/** A plant in a glazed pot; `top` draws the plant above the rim at y = 360. */
const potted = (top: string, pot = "#9c4a2f") =>
  SHADOW +
  top +
  `<rect x="200" y="355" width="240" height="34" rx="10" fill="#5b2a1a"/>` +
  `<path d="M214 385 L426 385 L398 548 L242 548 Z" fill="${pot}"/>` +
  `<path d="M232 430 L408 430" stroke="#f0d9a0" stroke-width="8" opacity="0.6"/>`;

/** Green leaf pointing from (x, y) towards angle `a` (degrees). */
const leafAt = (x: number, y: number, a: number, len = 70, color = "#3f8f3a") =>
  `<path d="M0 0 Q${len / 2} ${-len / 3} ${len} 0 Q${len / 2} ${len / 3} 0 0 Z" fill="${color}" transform="translate(${f(x)} ${f(y)}) rotate(${f(a)})"/>`;

const flower5 = (x: number, y: number, r: number, petal: string, heart: string) =>
  [0, 72, 144, 216, 288]
    .map((a) => `<circle cx="${f(x + Math.cos((a * Math.PI) / 180) * r * 0.6)}" cy="${f(y + Math.sin((a * Math.PI) / 180) * r * 0.6)}" r="${f(r * 0.55)}" fill="${petal}"/>`)
    .join("") + `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r * 0.3)}" fill="${heart}"/>`;

/** A glass bottle (neck at the top), filled with `liquid`, with a paper label. */
function glassBottle(liquid: string, label: string, cap: string, x = 320, scale = 1): string {
  return (
    `<g transform="translate(${x} 0) scale(${scale} 1) translate(-320 0)">` +
    `<rect x="296" y="110" width="48" height="30" rx="6" fill="${cap}"/>` +
    `<path d="M300 138 L340 138 L342 200 Q400 225 400 285 L400 525 Q400 548 377 548 L263 548 Q240 548 240 525 L240 285 Q240 225 298 200 Z" fill="#dfeef0" opacity="0.9"/>` +
    `<path d="M246 300 L394 300 L394 525 Q394 542 377 542 L263 542 Q246 542 246 525 Z" fill="${liquid}"/>` +
    `<rect x="258" y="360" width="124" height="110" rx="8" fill="${label}"/>` +
    `<path d="M258 292 L258 530" stroke="#fff" stroke-width="10" opacity="0.35"/></g>`
  );
}

export type Goods =
  | "rice" | "chestnuts" | "honey" | "fish-sauce" | "soy-sauce" | "tea" | "teaset" | "coffee" | "pepper" | "cashews" | "liquor" | "crock"
  | "oil" | "cinnamon" | "pouch" | "jelly" | "squid" | "dried-seafood" | "dried-fish" | "sausage" | "rice-paper" | "dragon-fruit"
  | "candied" | "brittle" | "candy" | "ginseng" | "bird-nest" | "drinks" | "leaf-cake" | "banh-tet" | "plums" | "lychee" | "oranges"
  | "pomelo" | "palm-sugar" | "pastry" | "peach-blossom" | "kumquat" | "orchid" | "chrysanthemum" | "roses" | "mat" | "handbag"
  | "rug" | "coconut-bowls" | "conical-hat" | "woven-basket" | "brocade" | "flower-tour" | "boat-tour" | "bike-tour" | "stilt-house";

function goodsSvg(goods: Goods, rnd: () => number): string {
  switch (goods) {
    case "rice": {
      const grains = Array.from({ length: 40 }, () => {
        const x = 230 + rnd() * 180;
        const y = 205 + rnd() * 40 - Math.abs(x - 320) * 0.25;
        return `<ellipse cx="${f(x)}" cy="${f(y)}" rx="9" ry="4.5" fill="#fffdf5" stroke="#d8d0bc" stroke-width="1" transform="rotate(${f(rnd() * 180)} ${f(x)} ${f(y)})"/>`;
      }).join("");
      const ear = Array.from({ length: 8 }, (_, i) => `<ellipse cx="${488 + (i % 2 ? 14 : -14)}" cy="${200 + i * 26}" rx="9" ry="17" fill="#e0b43a" transform="rotate(${i % 2 ? 30 : -30} ${488 + (i % 2 ? 14 : -14)} ${200 + i * 26})"/>`).join("");
      return (
        SHADOW +
        `<path d="M488 180 Q500 380 470 548" stroke="#b98d2a" stroke-width="6" fill="none"/>` + ear +
        `<path d="M200 250 Q320 200 440 250 L455 500 Q455 548 410 548 L230 548 Q185 548 185 500 Z" fill="#e8d9b5"/>` +
        `<ellipse cx="320" cy="240" rx="128" ry="36" fill="#f8f5ea"/>` + grains +
        `<path d="M200 250 Q320 290 440 250" stroke="#c9b58a" stroke-width="10" fill="none"/>` +
        `<rect x="245" y="330" width="150" height="120" rx="12" fill="#2f7d3a"/><ellipse cx="320" cy="390" rx="40" ry="20" fill="#fffdf5"/>` +
        `<path d="M90 552 Q150 470 230 552 Z" fill="#fbf8ee" stroke="#ddd3bb" stroke-width="3"/>` +
        Array.from({ length: 14 }, () => `<ellipse cx="${f(110 + rnd() * 110)}" cy="${f(530 + rnd() * 18)}" rx="8" ry="4" fill="#fffdf5" stroke="#d8d0bc" stroke-width="1"/>`).join("")
      );
    }
    case "chestnuts":
      return SHADOW + PLATE + heap(rnd, 78, 4, (x, y) =>
        `<path d="M${f(x - 34)} ${f(y + 8)} Q${f(x - 36)} ${f(y - 28)} ${f(x)} ${f(y - 40)} Q${f(x + 36)} ${f(y - 28)} ${f(x + 34)} ${f(y + 8)} Q${f(x)} ${f(y + 28)} ${f(x - 34)} ${f(y + 8)} Z" fill="#6e3519" stroke="#4a220f" stroke-width="3"/>` +
        `<path d="M${f(x - 30)} ${f(y + 8)} Q${f(x)} ${f(y + 26)} ${f(x + 30)} ${f(y + 8)} Q${f(x)} ${f(y - 2)} ${f(x - 30)} ${f(y + 8)} Z" fill="#d8b88a"/>` +
        `<path d="M${f(x - 12)} ${f(y - 26)} Q${f(x - 4)} ${f(y - 32)} ${f(x + 6)} ${f(y - 30)}" stroke="#b0643a" stroke-width="5" fill="none"/>`);
    case "honey": {
      const comb = Array.from({ length: 6 }, (_, i) => {
        const x = 455 + (i % 2) * 34;
        const y = 420 + Math.floor(i / 2) * 40;
        return `<path d="M${x} ${y - 20} l17 10 l0 20 l-17 10 l-17 -10 l0 -20 Z" fill="#f2b632" stroke="#b8770e" stroke-width="4"/>`;
      }).join("");
      return (
        SHADOW +
        `<rect x="195" y="175" width="200" height="46" rx="12" fill="#c0392b"/>` +
        `<path d="M205 220 L385 220 Q415 240 415 285 L415 510 Q415 548 377 548 L213 548 Q175 548 175 510 L175 285 Q175 240 205 220 Z" fill="#e89b12"/>` +
        `<path d="M200 290 L200 510" stroke="#fff" stroke-width="12" opacity="0.35"/>` +
        `<rect x="215" y="330" width="160" height="110" rx="10" fill="#fff4d6"/><ellipse cx="295" cy="385" rx="26" ry="18" fill="#f2b632" stroke="#5b3a0a" stroke-width="5"/>` +
        comb +
        `<path d="M470 200 L420 330" stroke="#8a5a2b" stroke-width="10" stroke-linecap="round"/><ellipse cx="416" cy="345" rx="20" ry="30" fill="#8a5a2b"/>`
      );
    }
    case "fish-sauce":
      return SHADOW + glassBottle("#9a4a12", "#fff6df", "#c0392b") +
        `<path d="M282 415 Q320 385 352 415 Q320 445 282 415 Z M352 415 L372 398 L372 432 Z" fill="#1f5fa8"/><circle cx="298" cy="410" r="4" fill="#fff"/>`;
    case "soy-sauce":
      return SHADOW + glassBottle("#4a2a12", "#fff6df", "#2f7d3a") +
        [[300, 405], [330, 420], [345, 395], [315, 430]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="14" fill="#e0b43a" stroke="#9a7420" stroke-width="3"/>`).join("");
    case "tea":
      return (
        SHADOW +
        `<ellipse cx="300" cy="525" rx="170" ry="30" fill="#f4f1ea"/>` +
        `<path d="M170 360 L430 360 Q425 490 360 520 L240 520 Q175 490 170 360 Z" fill="#f7f4ec" stroke="#d9d2c2" stroke-width="4"/>` +
        `<ellipse cx="300" cy="360" rx="130" ry="24" fill="#a7b83a"/>` +
        [250, 300, 350].map((x) => `<path d="M${x} 330 Q${x - 18} 295 ${x} 265 Q${x + 18} 235 ${x} 205" stroke="#fff" stroke-width="9" stroke-linecap="round" fill="none" opacity="0.8"/>`).join("") +
        leafAt(430, 300, -40, 110) + leafAt(440, 310, 10, 95, "#2f7a31") + leafAt(425, 320, -85, 85, "#58a447")
      );
    case "teaset": {
      const blue = "#2c5aa0";
      const cup = (x: number) =>
        `<path d="M${x - 45} 470 L${x + 45} 470 Q${x + 40} 535 ${x} 540 Q${x - 40} 535 ${x - 45} 470 Z" fill="#f8f8f4" stroke="${blue}" stroke-width="4"/>` +
        `<path d="M${x - 30} 495 q15 -12 30 0 q15 12 30 0" stroke="${blue}" stroke-width="5" fill="none"/>`;
      return (
        SHADOW +
        `<path d="M230 300 Q225 250 320 245 Q415 250 410 300 L420 450 Q415 500 320 505 Q225 500 220 450 Z" fill="#f8f8f4" stroke="${blue}" stroke-width="5"/>` +
        `<path d="M412 330 Q490 300 515 240" stroke="#f8f8f4" stroke-width="26" fill="none"/><path d="M412 330 Q490 300 515 240" stroke="${blue}" stroke-width="4" fill="none"/>` +
        `<path d="M225 320 Q160 330 170 400 Q180 440 222 430" stroke="${blue}" stroke-width="14" fill="none"/>` +
        `<ellipse cx="320" cy="250" rx="70" ry="16" fill="${blue}"/><circle cx="320" cy="228" r="14" fill="${blue}"/>` +
        `<path d="M250 370 q35 -30 70 0 q35 30 70 0 M260 420 q30 20 60 0 q30 -20 60 0" stroke="${blue}" stroke-width="7" fill="none"/>` +
        cup(150) + cup(490)
      );
    }
    case "coffee":
      return (
        SHADOW + `<ellipse cx="250" cy="520" rx="150" ry="28" fill="#f4f1ea"/>` +
        `<path d="M130 370 L370 370 Q365 490 305 515 L195 515 Q135 490 130 370 Z" fill="#fbfaf7"/>` +
        `<path d="M365 395 Q425 395 420 445 Q415 485 355 478" stroke="#fbfaf7" stroke-width="20" fill="none"/>` +
        `<ellipse cx="250" cy="370" rx="120" ry="22" fill="#4a2512"/>` +
        heap(rnd, 46, 3, (x, y) => {
          const bx = x + 170;
          return `<ellipse cx="${f(bx)}" cy="${f(y + 40)}" rx="22" ry="16" fill="#5a2d12" transform="rotate(${f(rnd() * 90 - 45)} ${f(bx)} ${f(y + 40)})"/><path d="M${f(bx - 14)} ${f(y + 40)} Q${f(bx)} ${f(y + 32)} ${f(bx + 14)} ${f(y + 40)}" stroke="#2b1206" stroke-width="3" fill="none"/>`;
        })
      );
    case "pepper":
      return SHADOW + PLATE +
        heap(rnd, 30, 9, (x, y) => `<circle cx="${f(x)}" cy="${f(y + 10)}" r="14" fill="#2a211c"/><circle cx="${f(x - 4)}" cy="${f(y + 5)}" r="4" fill="#6b5a4e"/>`) +
        `<path d="M470 160 Q450 260 460 330" stroke="#3b6b2a" stroke-width="6" fill="none"/>` +
        Array.from({ length: 9 }, (_, i) => `<circle cx="${465 + (i % 2 ? 10 : -10)}" cy="${180 + i * 17}" r="10" fill="${i < 5 ? "#3f8f3a" : "#b3261e"}"/>`).join("");
    case "cashews":
      return SHADOW + plate("#8a5a2b", "#6b4420") + heap(rnd, 64, 4, (x, y) => {
        const a = f(rnd() * 360);
        return `<path d="M-28 -8 Q-30 22 2 24 Q30 22 30 2 Q20 10 4 6 Q-10 2 -8 -14 Q-18 -22 -28 -8 Z" fill="#ecd3a0" stroke="#c79a57" stroke-width="3" transform="translate(${f(x)} ${f(y)}) rotate(${a})"/>`;
      });
    case "liquor":
      return SHADOW + glassBottle("#f3efd6", "#b3261e", "#6d4c2f", 290) +
        `<path d="M420 470 L500 470 L490 545 L430 545 Z" fill="#eef6f7" stroke="#9fb8bc" stroke-width="4"/><path d="M425 495 L495 495 L490 540 L430 540 Z" fill="#f3efd6"/>`;
    case "crock":
      return (
        SHADOW +
        `<path d="M260 200 L380 200 L375 235 Q470 280 470 390 Q470 520 380 548 L260 548 Q170 520 170 390 Q170 280 265 235 Z" fill="#7b4a2a"/>` +
        `<ellipse cx="320" cy="200" rx="75" ry="20" fill="#5a331c"/><circle cx="320" cy="185" r="18" fill="#5a331c"/>` +
        `<path d="M190 330 Q320 360 450 330" stroke="#a8744a" stroke-width="10" fill="none"/>` +
        `<rect x="255" y="360" width="130" height="100" rx="6" fill="#c0392b"/><rect x="275" y="380" width="90" height="60" rx="4" fill="#f6d77a"/>` +
        `<path d="M200 300 Q190 400 215 480" stroke="#fff" stroke-width="10" fill="none" opacity="0.2"/>`
      );
    case "oil":
      return (
        SHADOW +
        `<rect x="280" y="150" width="80" height="70" rx="14" fill="#222"/><rect x="298" y="110" width="44" height="50" rx="20" fill="#333"/>` +
        `<path d="M260 220 L380 220 Q410 230 410 270 L410 520 Q410 548 382 548 L258 548 Q230 548 230 520 L230 270 Q230 230 260 220 Z" fill="#9a5a14"/>` +
        `<rect x="248" y="330" width="144" height="110" rx="8" fill="#fbf3df"/><path d="M280 385 q40 -40 80 0 q-40 40 -80 0Z" fill="#3f8f3a"/>` +
        `<path d="M245 270 L245 510" stroke="#fff" stroke-width="10" opacity="0.3"/>` +
        `<circle cx="470" cy="360" r="14" fill="#e8b04a"/><path d="M470 380 q-10 40 0 60 q10 -20 0 -60" fill="#e8b04a"/>` +
        leafAt(430, 520, -20, 110) + leafAt(150, 520, -150, 100, "#58a447")
      );
    case "cinnamon":
      return SHADOW + PLATE + Array.from({ length: 6 }, (_, i) => {
        const y = 470 - (i % 3) * 46 - (i >= 3 ? 23 : 0);
        const x = i >= 3 ? 20 : -20;
        return `<rect x="${170 + x}" y="${y - 20}" width="300" height="40" rx="20" fill="#a0522d"/><ellipse cx="${170 + x}" cy="${y}" rx="12" ry="20" fill="#6b3116"/><path d="M${166 + x} ${y - 8} q10 8 0 16" stroke="#d2915a" stroke-width="3" fill="none"/>`;
      }).join("") + `<path d="M320 330 L320 500" stroke="#c0392b" stroke-width="10"/>`;
    case "pouch":
      return (
        SHADOW +
        `<path d="M230 230 Q320 200 410 230 L395 270 L245 270 Z" fill="#c8a46e"/>` +
        `<path d="M245 268 L395 268 Q480 330 470 470 Q465 548 390 548 L250 548 Q175 548 170 470 Q160 330 245 268 Z" fill="#d9bb86"/>` +
        `<path d="M235 265 Q320 290 405 265" stroke="#8a3b1f" stroke-width="14" fill="none"/>` +
        Array.from({ length: 5 }, (_, i) => `<path d="M${200 + i * 60} 330 l0 180" stroke="#b8965e" stroke-width="5" opacity="0.6"/>`).join("") +
        `<rect x="400" y="470" width="170" height="26" rx="13" fill="#a0522d" transform="rotate(-20 480 480)"/>`
      );
    case "jelly":
      return (
        SHADOW +
        `<path d="M150 330 L490 330 Q480 500 390 535 L250 535 Q160 500 150 330 Z" fill="#dff1f4" opacity="0.85"/>` +
        heap(rnd, 58, 3, (x, y) => `<rect x="${f(x - 26)}" y="${f(y - 90)}" width="52" height="52" rx="6" fill="#1d1a17" transform="rotate(${f(rnd() * 30 - 15)} ${f(x)} ${f(y - 64)})"/><rect x="${f(x - 18)}" y="${f(y - 82)}" width="14" height="8" rx="3" fill="#5c5752"/>`) +
        `<ellipse cx="320" cy="330" rx="170" ry="24" fill="none" stroke="#b7d8de" stroke-width="6"/>` + leafAt(470, 300, -50, 100)
      );
    case "squid":
      return (
        SHADOW +
        `<g transform="rotate(-15 320 330)">` +
        `<path d="M320 110 Q385 190 380 330 L260 330 Q255 190 320 110 Z" fill="#f1c7b5"/>` +
        `<path d="M320 150 L250 230 L285 250 Z M320 150 L390 230 L355 250 Z" fill="#e7a892"/>` +
        Array.from({ length: 8 }, (_, i) => `<path d="M${268 + i * 15} 330 Q${258 + i * 18} ${420 + (i % 3) * 20} ${240 + i * 22} ${470 + (i % 2) * 60}" stroke="#e9b3a0" stroke-width="${i === 1 || i === 6 ? 7 : 12}" stroke-linecap="round" fill="none"/>`).join("") +
        `<circle cx="295" cy="315" r="11" fill="#2a211c"/><circle cx="345" cy="315" r="11" fill="#2a211c"/>` +
        [180, 220, 260].map((y) => `<circle cx="${320 + (y % 3) * 6}" cy="${y}" r="5" fill="#c9705a" opacity="0.7"/>`).join("") +
        `</g>`
      );
    case "dried-seafood":
      return SHADOW + PLATE + Array.from({ length: 14 }, () => {
        const x = 200 + rnd() * 220;
        const y = 380 + rnd() * 110;
        return `<path d="M${f(x)} ${f(y)} q20 -30 40 0 q20 30 40 0 q15 -20 30 -5" stroke="#a66a3a" stroke-width="13" stroke-linecap="round" fill="none"/><path d="M${f(x)} ${f(y)} q20 -30 40 0" stroke="#d8a06a" stroke-width="4" fill="none"/>`;
      }).join("");
    case "dried-fish": {
      const fish = (y: number, a: number) =>
        `<g transform="translate(320 ${y}) rotate(${a})">` +
        `<path d="M-190 0 Q-80 -95 110 -40 L110 40 Q-80 95 -190 0 Z" fill="#b07a44"/>` +
        `<path d="M-170 0 Q-70 -60 100 -20 L100 20 Q-70 60 -170 0 Z" fill="#d9a86c"/>` +
        `<path d="M100 -40 L190 -80 L170 0 L190 80 L100 40 Z" fill="#8a5a2b"/><circle cx="-150" cy="-10" r="9" fill="#2a211c"/>` +
        `<path d="M-60 0 L90 0" stroke="#8a5a2b" stroke-width="6"/></g>`;
      return SHADOW + fish(300, -8) + fish(450, 6);
    }
    case "sausage":
      return SHADOW + PLATE + Array.from({ length: 3 }, (_, row) =>
        Array.from({ length: 4 }, (_, i) => {
          const x = 140 + i * 92 + row * 20;
          const y = 470 - row * 64;
          return `<rect x="${x}" y="${y - 26}" width="88" height="52" rx="26" fill="#b3261e"/><circle cx="${x + 20 + (i % 2) * 30}" cy="${y - 6}" r="6" fill="#f4d3c8"/><circle cx="${x + 60 - (i % 2) * 20}" cy="${y + 8}" r="5" fill="#f4d3c8"/>` +
            (i < 3 ? `<path d="M${x + 88} ${y - 10} l6 20" stroke="#e8dcc0" stroke-width="5"/>` : "");
        }).join(""),
      ).join("");
    case "rice-paper":
      return SHADOW + Array.from({ length: 5 }, (_, i) => {
        const y = 500 - i * 20;
        return `<ellipse cx="320" cy="${y}" rx="215" ry="68" fill="#f6ead0" stroke="#e0c99a" stroke-width="4"/>`;
      }).join("") +
        `<clipPath id="rp"><ellipse cx="320" cy="420" rx="215" ry="68"/></clipPath><g clip-path="url(#rp)" stroke="#e0c99a" stroke-width="3">` +
        Array.from({ length: 16 }, (_, i) => `<path d="M${90 + i * 30} 340 l-60 160 M${90 + i * 30} 340 l60 160"/>`).join("") + `</g>` +
        Array.from({ length: 18 }, () => `<ellipse cx="${f(160 + rnd() * 320)}" cy="${f(385 + rnd() * 70)}" rx="4" ry="2.5" fill="#2a211c"/>`).join("");
    case "dragon-fruit":
      return SHADOW + PLATE + [[230, 440], [410, 440], [320, 370]].map(([x, y]) =>
        `<circle cx="${x}" cy="${y}" r="95" fill="#e8467c"/><circle cx="${x}" cy="${y}" r="80" fill="#c2185b"/>` +
        Array.from({ length: 26 }, () => `<ellipse cx="${f(x! + (rnd() - 0.5) * 130)}" cy="${f(y! + (rnd() - 0.5) * 130)}" rx="4" ry="3" fill="#1b0f12"/>`).join(""),
      ).join("") + `<path d="M320 290 q40 -60 90 -60 q-30 50 -90 60 Z" fill="#6fae3a"/>`;
    case "candied":
      return SHADOW + PLATE + Array.from({ length: 16 }, () => {
        const x = 200 + rnd() * 240;
        const y = 400 + rnd() * 90;
        return `<rect x="${f(x - 50)}" y="${f(y - 11)}" width="100" height="22" rx="10" fill="#f08a24" stroke="#c05f0c" stroke-width="3" transform="rotate(${f(rnd() * 60 - 30)} ${f(x)} ${f(y)})"/>`;
      }).join("");
    case "brittle":
      return SHADOW + PLATE + [0, 1, 2].map((i) => {
        const y = 455 - i * 58;
        return `<rect x="${200 + i * 12}" y="${y - 26}" width="240" height="52" rx="8" fill="#d9a441" stroke="#9a6a1c" stroke-width="4"/>` +
          Array.from({ length: 7 }, () => `<ellipse cx="${f(220 + i * 12 + rnd() * 200)}" cy="${f(y - 10 + rnd() * 20)}" rx="11" ry="7" fill="#f4dca0"/>`).join("") +
          `<rect x="${196 + i * 12}" y="${y - 30}" width="248" height="8" rx="4" fill="#fbf6ea" opacity="0.9"/>`;
      }).join("");
    case "candy":
      return SHADOW + PLATE + heap(rnd, 84, 3, (x, y, i) => {
        const wrap = i % 3 === 0 ? "#e94e3c" : i % 3 === 1 ? "#f3c623" : "#3aa35b";
        const a = f(rnd() * 40 - 20);
        return `<g transform="translate(${f(x)} ${f(y)}) rotate(${a})"><path d="M-40 0 L-62 -20 L-62 20 Z M40 0 L62 -20 L62 20 Z" fill="${wrap}"/><rect x="-40" y="-20" width="80" height="40" rx="8" fill="${wrap}"/><rect x="-26" y="-11" width="52" height="22" rx="4" fill="#f7ecd5"/></g>`;
      });
    case "ginseng":
      return (
        SHADOW +
        `<path d="M320 180 L320 250" stroke="#3f7a2a" stroke-width="8"/>` +
        [-70, -35, 0, 35, 70].map((a) => leafAt(320, 180, a - 90, 95, "#3f8f3a")).join("") +
        `<circle cx="320" cy="150" r="12" fill="#d32f2f"/><circle cx="334" cy="162" r="10" fill="#d32f2f"/><circle cx="306" cy="164" r="10" fill="#d32f2f"/>` +
        `<path d="M300 250 Q345 245 345 300 Q350 370 330 410 L380 520 M330 410 L300 530 M318 300 Q270 360 230 410 M340 340 Q400 360 440 330" stroke="#e6cf9f" stroke-width="22" stroke-linecap="round" fill="none"/>` +
        `<path d="M298 250 Q340 250 340 300 Q342 360 326 400" stroke="#e6cf9f" stroke-width="50" stroke-linecap="round" fill="none"/>` +
        `<path d="M310 290 l24 0 M308 320 l26 0 M312 350 l20 0" stroke="#c4a56c" stroke-width="4"/>` +
        `<path d="M380 520 l30 20 M300 530 l-20 15 M230 410 l-30 5 M440 330 l25 -10" stroke="#e6cf9f" stroke-width="6" stroke-linecap="round"/>`
      );
    case "bird-nest":
      return SHADOW + `<rect x="120" y="440" width="400" height="105" rx="12" fill="#b3261e"/><rect x="120" y="440" width="400" height="20" fill="#f3c623"/>` +
        [[215, 400], [425, 400], [320, 300]].map(([x, y]) =>
          `<path d="M${x! - 105} ${y} Q${x} ${y! + 120} ${x! + 105} ${y} Z" fill="#efe0b8" stroke="#a8884a" stroke-width="5"/>` +
          `<ellipse cx="${x}" cy="${y}" rx="105" ry="16" fill="#fbf5e6" stroke="#a8884a" stroke-width="4"/>` +
          Array.from({ length: 7 }, (_, i) => `<path d="M${x! - 80 + i * 26} ${y! + 14} q13 ${22 + (i % 2) * 12} 26 0" stroke="#b99a5c" stroke-width="4" fill="none"/>`).join(""),
        ).join("");
    case "drinks":
      return SHADOW + [[200, "#f0e6c8"], [320, "#d9a86c"], [440, "#f6f1e3"]].map(([x, c]) =>
        `<g transform="translate(${x} 0)"><rect x="-26" y="200" width="52" height="30" rx="6" fill="#c0392b"/><path d="M-24 228 L24 228 L30 270 Q55 290 55 320 L55 530 Q55 548 37 548 L-37 548 Q-55 548 -55 530 L-55 320 Q-55 290 -30 270 Z" fill="${c}" stroke="#c9c0a8" stroke-width="4"/><rect x="-48" y="380" width="96" height="80" rx="6" fill="#2f7d3a"/><circle cx="0" cy="420" r="18" fill="#fbf5e6"/></g>`,
      ).join("");
    case "leaf-cake":
      return SHADOW + `<ellipse cx="320" cy="500" rx="240" ry="50" fill="#3f8f3a"/>` + [[230, 420], [410, 420], [320, 330]].map(([x, y]) =>
        `<rect x="${x! - 80}" y="${y! - 70}" width="160" height="140" rx="14" fill="#2a2522"/><rect x="${x! - 80}" y="${y! - 70}" width="160" height="140" rx="14" fill="none" stroke="#7fa65a" stroke-width="6"/>` +
        `<path d="M${x! - 80} ${y} L${x! + 80} ${y} M${x} ${y! - 70} L${x} ${y! + 70}" stroke="#e8dcc0" stroke-width="6"/>`,
      ).join("");
    case "banh-tet":
      return (
        SHADOW + `<ellipse cx="320" cy="505" rx="240" ry="48" fill="#5c9e45"/>` +
        `<rect x="130" y="330" width="300" height="130" rx="20" fill="#3f8f3a"/><path d="M150 345 L410 345 M150 445 L410 445" stroke="#6fb356" stroke-width="6"/>` +
        [190, 260, 330, 400].map((x) => `<path d="M${x} 330 L${x} 460" stroke="#e8dcc0" stroke-width="8"/>`).join("") +
        `<ellipse cx="460" cy="420" rx="80" ry="80" fill="#3f8f3a"/><circle cx="460" cy="420" r="68" fill="#6a2c70"/><circle cx="460" cy="420" r="34" fill="#f2c230"/><circle cx="460" cy="420" r="14" fill="#f2e0d0"/>`
      );
    case "plums":
      return SHADOW + PLATE + heap(rnd, 92, 3, (x, y) =>
        `<circle cx="${f(x)}" cy="${f(y - 4)}" r="46" fill="#6b2a5e"/><circle cx="${f(x - 14)}" cy="${f(y - 20)}" r="13" fill="#b58bb0" opacity="0.7"/><path d="M${f(x)} ${f(y - 48)} l6 -16" stroke="#5b3a1a" stroke-width="5"/>`) + leafAt(350, 250, -30, 90);
    case "lychee":
      return SHADOW + `<path d="M320 150 Q330 220 300 280 M320 150 Q360 230 400 300 M320 150 Q290 220 230 300" stroke="#6b4a2a" stroke-width="7" fill="none"/>` + leafAt(320, 160, -160, 100) + leafAt(320, 160, -20, 100) +
        heap(rnd, 84, 4, (x, y) =>
          `<circle cx="${f(x)}" cy="${f(y - 10)}" r="40" fill="#c62828"/>` +
          [[-15, -22], [12, -28], [-22, 4], [20, 0], [0, 12], [-4, -8]].map(([dx, dy]) => `<circle cx="${f(x + dx!)}" cy="${f(y - 10 + dy!)}" r="5" fill="#8e1c1c"/>`).join(""));
    case "oranges":
      return SHADOW + PLATE + heap(rnd, 110, 2, (x, y) =>
        `<circle cx="${f(x)}" cy="${f(y - 20)}" r="56" fill="#f08c1a"/><circle cx="${f(x - 18)}" cy="${f(y - 40)}" r="14" fill="#ffc06a" opacity="0.8"/><circle cx="${f(x)}" cy="${f(y - 74)}" r="5" fill="#6b8e23"/>`) +
        leafAt(330, 290, -60, 90) + leafAt(330, 290, -120, 80, "#58a447");
    case "pomelo":
      return SHADOW + PLATE +
        `<path d="M200 480 Q130 420 170 330 Q200 260 240 250 Q280 250 300 330 Q340 430 270 490 Z" fill="#9ccc3c"/><path d="M240 250 l0 -30" stroke="#5b3a1a" stroke-width="8"/>` +
        leafAt(240, 225, -40, 80) +
        `<circle cx="420" cy="440" r="95" fill="#c5e17a"/><circle cx="420" cy="440" r="78" fill="#fbe0d6"/>` +
        Array.from({ length: 10 }, (_, i) => `<path d="M420 440 L${f(420 + 78 * Math.cos((i * Math.PI) / 5))} ${f(440 + 78 * Math.sin((i * Math.PI) / 5))}" stroke="#f3b9a8" stroke-width="5"/>`).join("");
    case "palm-sugar":
      return SHADOW + PLATE + heap(rnd, 100, 3, (x, y) =>
        `<ellipse cx="${f(x)}" cy="${f(y)}" rx="46" ry="22" fill="#6e3f15"/><ellipse cx="${f(x)}" cy="${f(y - 12)}" rx="46" ry="22" fill="#a0642a"/><ellipse cx="${f(x - 10)}" cy="${f(y - 16)}" rx="16" ry="6" fill="#c98f4f"/>`) +
        `<path d="M470 140 L470 330 M470 160 L400 120 M470 160 L540 120 M470 170 L420 200 M470 170 L530 200" stroke="#3f7a2a" stroke-width="12" stroke-linecap="round"/>`;
    case "pastry":
      return SHADOW + PLATE + [0, 1, 2, 3].map((i) => {
        const x = i < 3 ? 195 + i * 125 : 320;
        const y = i < 3 ? 470 : 370;
        return `<ellipse cx="${x}" cy="${y + 16}" rx="80" ry="34" fill="#b8782e"/><ellipse cx="${x}" cy="${y}" rx="80" ry="34" fill="#f2d08a"/><ellipse cx="${x}" cy="${y - 3}" rx="56" ry="22" fill="#f7e2b0"/><circle cx="${x}" cy="${y - 3}" r="10" fill="#c62828"/>`;
      }).join("");
    case "peach-blossom":
      return potted(
        `<path d="M320 360 Q300 300 340 250 Q380 200 330 150 M335 260 Q420 240 450 190 M325 300 Q240 280 200 220 M330 170 Q280 150 260 120" stroke="#5b3a2a" stroke-width="14" stroke-linecap="round" fill="none"/>` +
          Array.from({ length: 18 }, () => flower5(170 + rnd() * 300, 110 + rnd() * 180, 20, "#f48fb1", "#ad1457")).join(""),
      );
    case "kumquat":
      return potted(
        `<path d="M320 360 L320 280" stroke="#5b3a2a" stroke-width="16"/><ellipse cx="320" cy="220" rx="170" ry="120" fill="#2e7d32"/>` +
          Array.from({ length: 30 }, () => `<circle cx="${f(180 + rnd() * 280)}" cy="${f(130 + rnd() * 180)}" r="13" fill="#fb8c00"/>`).join(""),
        "#c0392b",
      );
    case "orchid":
      return potted(
        leafAt(320, 360, -160, 150, "#2e7d32") + leafAt(320, 360, -20, 150, "#388e3c") +
          `<path d="M320 360 Q300 200 420 140 M320 360 Q330 220 220 150" stroke="#4e6b2a" stroke-width="6" fill="none"/>` +
          [[400, 150], [440, 200], [350, 185], [240, 160], [200, 215], [290, 210]].map(([x, y]) =>
            `<g transform="translate(${x} ${y})"><ellipse cx="-20" cy="-4" rx="24" ry="18" fill="#f3e5f5"/><ellipse cx="20" cy="-4" rx="24" ry="18" fill="#f3e5f5"/><ellipse cx="0" cy="-20" rx="16" ry="22" fill="#f8eefb"/><ellipse cx="0" cy="14" rx="12" ry="12" fill="#c2185b"/></g>`,
          ).join(""),
        "#f5f5f5",
      );
    case "chrysanthemum":
      return potted(
        `<ellipse cx="320" cy="260" rx="175" ry="115" fill="#3d7a2a"/>` +
          Array.from({ length: 44 }, () => {
            const a = rnd() * Math.PI;
            const r = rnd();
            return flower5(320 + Math.cos(a) * 160 * r * (rnd() < 0.5 ? -1 : 1), 280 - Math.sin(a) * 110 * Math.sqrt(r), 17, "#fbc02d", "#e65100");
          }).join(""),
      );
    case "roses":
      return potted(
        `<path d="M320 360 L300 220 M320 360 L360 200 M320 360 L250 260 M320 360 L400 270" stroke="#2e7d32" stroke-width="7"/>` +
          leafAt(310, 300, -150, 60) + leafAt(340, 290, -30, 60) + leafAt(300, 250, 200, 50) +
          [[300, 215], [360, 195], [250, 255], [400, 265]].map(([x, y]) =>
            `<circle cx="${x}" cy="${y}" r="34" fill="#c62828"/><path d="M${x! - 16} ${y} q16 -22 32 0 q-16 18 -24 -2 q6 -10 12 0" stroke="#7f1010" stroke-width="4" fill="none"/>`,
          ).join(""),
      );
    case "mat":
      return (
        SHADOW +
        `<path d="M120 545 L470 545 L520 420 L170 420 Z" fill="#e3c98e"/>` +
        Array.from({ length: 6 }, (_, i) => `<path d="M${130 + i * 62} 545 L${180 + i * 62} 420" stroke="${i % 2 ? "#c0392b" : "#2e7d32"}" stroke-width="8" opacity="0.8"/>`).join("") +
        `<rect x="160" y="300" width="360" height="120" rx="60" fill="#d9bb7a"/><circle cx="520" cy="360" r="60" fill="#c8a864"/>` +
        `<path d="M520 360 m-45 0 a45 45 0 1 1 90 0 a35 35 0 1 1 -70 0 a25 25 0 1 1 50 0 a15 15 0 1 1 -30 0" stroke="#8a6a30" stroke-width="5" fill="none"/>` +
        `<path d="M240 300 L240 420 M430 300 L430 420" stroke="#c0392b" stroke-width="12"/>`
      );
    case "handbag":
      return (
        SHADOW +
        `<path d="M250 300 Q250 160 320 160 Q390 160 390 300" stroke="#6b4a2a" stroke-width="18" fill="none"/>` +
        `<path d="M170 290 L470 290 L440 548 L200 548 Z" fill="#d4b06a"/>` +
        Array.from({ length: 6 }, (_, i) => `<path d="M${176 + i * 2} ${320 + i * 40} L${464 - i * 2} ${320 + i * 40}" stroke="#a8843e" stroke-width="6"/>`).join("") +
        `<rect x="170" y="285" width="300" height="26" rx="8" fill="#6b4a2a"/>` + flower5(320, 420, 34, "#c0392b", "#f3c623")
      );
    case "conical-hat":
      return (
        SHADOW +
        `<path d="M320 120 L540 470 Q320 560 100 470 Z" fill="#e9cf8f"/>` +
        [0.3, 0.5, 0.7, 0.9].map((t) => `<path d="M${f(320 - 220 * t)} ${f(120 + 350 * t)} Q320 ${f(120 + 350 * t + 45 * t)} ${f(320 + 220 * t)} ${f(120 + 350 * t)}" stroke="#c8a45a" stroke-width="5" fill="none"/>`).join("") +
        `<path d="M320 120 L320 500" stroke="#c8a45a" stroke-width="4" opacity="0.5"/>` +
        `<path d="M130 480 Q320 600 510 480" stroke="#c2185b" stroke-width="9" fill="none"/>`
      );
    case "woven-basket":
      return (
        SHADOW +
        `<path d="M220 300 Q320 150 420 300" stroke="#8a5a2b" stroke-width="16" fill="none"/>` +
        `<path d="M150 300 L490 300 L455 548 L185 548 Z" fill="#c89b5a"/>` +
        Array.from({ length: 6 }, (_, i) => `<path d="M${158 + i * 3} ${325 + i * 40} L${482 - i * 3} ${325 + i * 40}" stroke="#9a7038" stroke-width="9"/>`).join("") +
        Array.from({ length: 9 }, (_, i) => `<path d="M${175 + i * 36} 300 L${195 + i * 31} 548" stroke="#e2c48a" stroke-width="6" opacity="0.8"/>`).join("") +
        `<rect x="140" y="288" width="360" height="26" rx="10" fill="#8a5a2b"/>`
      );
    case "rug":
      return SHADOW + `<ellipse cx="320" cy="440" rx="250" ry="110" fill="#c9a76a"/>` +
        [220, 180, 140, 100, 60, 25].map((r, i) => `<ellipse cx="320" cy="440" rx="${r}" ry="${f(r * 0.44)}" fill="none" stroke="${i % 2 ? "#9c7a3e" : "#e0c690"}" stroke-width="12"/>`).join("");
    case "coconut-bowls":
      return SHADOW + [[210, 470], [430, 470], [320, 380]].map(([x, y]) =>
        `<path d="M${x! - 95} ${y} Q${x! - 90} ${y! + 85} ${x} ${y! + 88} Q${x! + 90} ${y! + 85} ${x! + 95} ${y} Z" fill="#6b3f1d"/><ellipse cx="${x}" cy="${y}" rx="95" ry="24" fill="#d9b98c"/><ellipse cx="${x}" cy="${y! + 2}" rx="78" ry="16" fill="#b08450"/>` +
        `<path d="M${x! - 70} ${y! + 30} q20 10 40 0 M${x! + 10} ${y! + 50} q20 10 40 0" stroke="#4a2a12" stroke-width="4" fill="none"/>`,
      ).join("");
    case "brocade": {
      const diamonds = Array.from({ length: 5 }, (_, i) => `<path d="M${190 + i * 65} 380 l28 -40 l28 40 l-28 40 Z" fill="#f3c623" stroke="#111" stroke-width="4"/>`).join("");
      return SHADOW + `<path d="M150 220 L500 200 L500 520 L150 540 Z" fill="#b71c1c"/>` +
        `<path d="M150 280 L500 260 M150 480 L500 460" stroke="#111" stroke-width="22"/><path d="M150 300 L500 280 M150 460 L500 440" stroke="#1565c0" stroke-width="10"/>` + diamonds +
        Array.from({ length: 9 }, (_, i) => `<path d="M${160 + i * 42} 540 l0 28" stroke="#b71c1c" stroke-width="7"/>`).join("");
    }
    case "flower-tour":
      return `<circle cx="500" cy="130" r="50" fill="${SUN}"/>` +
        `<path d="M0 330 L640 330 L640 640 L0 640 Z" fill="#6ab04c"/>` +
        Array.from({ length: 6 }, (_, row) => Array.from({ length: 10 }, (_, i) =>
          flower5(30 + i * 66 + (row % 2) * 30, 360 + row * 48, 12 + row * 2.5, ["#e53935", "#fbc02d", "#ec407a", "#ffffff"][row % 4]!, "#6d4c41")).join("")).join("") +
        `<path d="M70 330 L130 270 L190 330 Z" fill="#8d4b2a"/><rect x="85" y="330" width="90" height="0" fill="#fff"/>`;
    case "boat-tour":
      return `<circle cx="140" cy="130" r="48" fill="${SUN}"/>` +
        `<path d="M0 380 L640 380 L640 640 L0 640 Z" fill="#4f9fbf"/><path d="M0 380 Q320 350 640 380" stroke="#6ab04c" stroke-width="30"/>` +
        `<path d="M520 380 Q510 250 540 160" stroke="#6b4a2a" stroke-width="14" fill="none"/>` + [-160, -120, -60, -20, 20].map((a) => leafAt(540, 160, a, 120, "#2e7d32")).join("") +
        `<path d="M120 470 L520 470 Q480 530 420 535 L220 535 Q160 530 120 470 Z" fill="#7b4a2a"/><path d="M230 470 Q320 400 410 470 Z" fill="#d9b98c"/>` +
        `<path d="M300 420 L330 380 L360 420 Z" fill="#f3d27a"/><circle cx="330" cy="430" r="14" fill="#6b4a2a"/>` +
        `<path d="M80 570 q30 -12 60 0 M420 590 q30 -12 60 0" stroke="#d5ecf4" stroke-width="6" fill="none"/>`;
    case "bike-tour":
      return `<path d="M0 330 L120 200 L240 300 L360 170 L500 290 L640 220 L640 640 L0 640 Z" fill="#5d8c4a"/>` +
        `<path d="M0 420 L640 420 L640 640 L0 640 Z" fill="#9ccc65"/><path d="M0 520 L640 480" stroke="#c8b68a" stroke-width="50"/>` +
        `<g stroke="#263238" stroke-width="10" fill="none"><circle cx="220" cy="470" r="62"/><circle cx="420" cy="470" r="62"/>` +
        `<path d="M220 470 L290 380 L400 380 L420 470 M290 380 L320 470 L400 380 M290 380 L280 350 M395 380 L390 345 L420 340"/></g>` +
        `<path d="M265 350 L300 350" stroke="#263238" stroke-width="10" stroke-linecap="round"/>`;
    case "stilt-house":
      return `<circle cx="520" cy="130" r="48" fill="${SUN}"/><path d="M0 360 Q200 260 400 330 Q520 370 640 300 L640 640 L0 640 Z" fill="#6a9f4a"/>` +
        `<path d="M140 270 L320 150 L500 270 Z" fill="#6b4a2a"/><path d="M140 270 L320 150 L500 270" stroke="#4a2f1a" stroke-width="10" fill="none"/>` +
        `<rect x="170" y="270" width="300" height="110" fill="#c8a06a"/>` +
        [200, 260, 380, 430].map((x) => `<rect x="${x}" y="300" width="40" height="40" fill="#4a2f1a"/>`).join("") + `<rect x="300" y="300" width="40" height="80" fill="#4a2f1a"/>` +
        [180, 260, 380, 450].map((x) => `<rect x="${x}" y="380" width="14" height="120" fill="#5b3a1a"/>`).join("") +
        `<path d="M300 380 L260 500 M340 380 L300 500" stroke="#5b3a1a" stroke-width="8"/>`;
  }
}


function productSvg(group: ProductGroup, seed: string, motif: Motif): string {
  const rnd = seededRandom(seed);
  const p = palette(group, rnd);
  const angle = rnd() < 0.5 ? `x1="0" y1="0" x2="1" y2="1"` : `x1="1" y1="0" x2="0" y2="1"`;
  const tilt = (rnd() - 0.5) * 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PRODUCT_SIZE}" height="${PRODUCT_SIZE}" viewBox="0 0 640 640">` +
    `<defs><linearGradient id="bg" ${angle}><stop offset="0" stop-color="${p.bgFrom}"/><stop offset="1" stop-color="${p.bgTo}"/></linearGradient></defs>` +
    `<rect width="640" height="640" fill="url(#bg)"/>` +
    backdrop(640, 640, p, rnd) +
    `<g transform="rotate(${tilt.toFixed(1)} 320 400)">${motifSvg(motif, p, rnd)}</g>` +
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
  opts: { group: ProductGroup; seed: string; motif: Motif },
): Promise<GeneratedPhoto> {
  return writeWebp(uploadsDir, "products", productSvg(opts.group, opts.seed, opts.motif), PRODUCT_SIZE, PRODUCT_SIZE);
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
  const photos = await mapLimit(jobs, 4, (job) => makeProductPhoto(uploadsDir, { group: job.group, seed: job.seed, motif: job.motif }));
  const products = { food: [], beverage: [], herbal: [], handicraft: [], ornamental: [], tourism: [] } as Record<ProductGroup, GeneratedPhoto[]>;
  jobs.forEach((job, i) => products[job.group].push(photos[i]!));
  const groups = Object.keys(POOL_MOTIFS) as ProductGroup[];
  const producers = await mapLimit(groups, 4, (group, i) => makeProducerPhoto(uploadsDir, { group, seed: `pool-producer-${i}` }));
  return { products, producers };
}
