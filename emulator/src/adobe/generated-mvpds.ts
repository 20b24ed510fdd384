/**
 * Fixture switch `mvpdCount` (issue 13): a configuration as large as a big programmer's, with realistic
 * generated providers — multi-word names, accented place names, co-operatives and "& Co." names, most with a
 * generated logo, some without one. Deterministic (seeded), so every run and every test sees the same list.
 */
import { pick, prng } from '../random';
import type { MvpdFixture } from './fixtures';

const PLACES = [
  'Abilene', 'Albemarle', 'Allegheny', 'Altamont', 'Arroyo Seco', 'Ashland', 'Aurora', 'Bayamón', 'Bear Creek', 'Bella Vista',
  'Big Horn', 'Black Hills', 'Blue Ridge', 'Boone County', 'Brazos Valley', 'Buffalo', 'Cañon City', 'Canyon', 'Cape Fear',
  'Carbon County', 'Cedar Valley', 'Chesapeake', 'Cheyenne', 'Chippewa', 'Clearwater', 'Coeur d’Alene', 'Columbia Basin',
  'Copper Country', 'Cumberland', 'Dakota', 'Delta', 'Doña Ana', 'Eagle Pass', 'Eastern Shore', 'El Paso', 'Española',
  'Evergreen', 'Fairbanks', 'Finger Lakes', 'Flint Hills', 'Gallatin', 'Garden State', 'Gila River', 'Golden Valley',
  'Grand Mesa', 'Great Plains', 'Green Mountain', 'Gulf Coast', 'Hamilton', 'Harlan', 'Heartland', 'High Desert', 'Holston',
  'Hudson Valley', 'Humboldt', 'Iron Range', 'Juniata', 'Kanawha', 'Kenai', 'Keweenaw', 'La Crosse', 'Lake Country',
  'Laurel Highlands', 'Llano Estacado', 'Los Álamos', 'Lower Valley', 'Madison', 'Mayagüez', 'Merrimack', 'Mesa Verde',
  'Mid-Hudson', 'Millbrook', 'Mohave', 'Monongahela', 'Montrose', 'Mountain View', 'Muskingum', 'Nantucket', 'Niobrara',
  'North Coast', 'Northern Neck', 'Oak Ridge', 'Ocean State', 'Ohio Valley', 'Okanogan', 'Old Dominion', 'Osage', 'Ozark',
  'Palmetto', 'Panhandle', 'Pecos', 'Peñasco', 'Piedmont', 'Pine Belt', 'Platte River', 'Pocono', 'Prairie du Chien',
  'Puget Sound', 'Quad Cities', 'Red River', 'Río Grande', 'Roanoke', 'Rogue Valley', 'Sabine', 'Saint-Léonard', 'Salt River',
  'San Joaquín', 'Sandhills', 'Santa Fé', 'Sauk Valley', 'Shenandoah', 'Sierra', 'Siskiyou', 'Skagit', 'Smoky Mountain',
  'Snake River', 'South Plains', 'Southern Tier', 'Spokane', 'Susquehanna', 'Tallgrass', 'Tehachapi', 'Teton', 'Three Rivers',
  'Tidewater', 'Tri-County', 'Trinity', 'Tuolumne', 'Twin Valley', 'Upper Peninsula', 'Ute Pass', 'Valle de Oro', 'Wabash',
  'Walla Walla', 'Wasatch', 'West Branch', 'White Mountain', 'Willamette', 'Wind River', 'Wiregrass', 'Yakima', 'Yellowstone',
  'Yukon', 'Zuñi',
];
const KINDS = [
  'Cable', 'Cablevision', 'Broadband', 'Communications', 'Fiber', 'TV', 'Telecom', 'Telephone Cooperative', 'Digital',
  'Networks', 'Wireless', 'Cable & Internet', 'Rural Telephone Company', 'Telephone Co-op', 'Video Services', 'Satellite',
  'Connect', 'Media', 'Electric Membership Corporation', 'Light & Power', 'Fiber Optic', 'Cable Company', 'Telephone & Cable',
];
const PREFIXES = ['', '', '', '', 'North', 'South', 'East', 'West', 'Greater', 'Upper', 'New'];

/** ASCII identifier from a display name (what an onboarding id looks like: `RioGrandeCable`). */
function idOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'And')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 40);
}

export interface GeneratedMvpd extends MvpdFixture {
  generated: true;
  /** false: the configuration carries no logoUrl for this provider. */
  hasLogo: boolean;
}

/** `count` generated MVPDs whose ids and display names differ from each other and from `taken`. */
export function generateMvpds(count: number, taken: Iterable<string> = [], seed = 13): GeneratedMvpd[] {
  const rnd = prng(seed);
  const used = new Set([...taken].map((s) => s.toLowerCase()));
  const out: GeneratedMvpd[] = [];
  let guard = 0;
  while (out.length < count) {
    if (++guard > count * 50) throw new Error('generateMvpds: ran out of names');
    const prefix = pick(rnd, PREFIXES);
    let name = `${prefix ? `${prefix} ` : ''}${pick(rnd, PLACES)} ${pick(rnd, KINDS)}`;
    // Past the natural combinations, number the rest as real operators do ("… Cable 2", "… System 14").
    if (guard > count * 10) name = `${name} ${out.length + 1}`;
    const id = idOf(name);
    if (used.has(name.toLowerCase()) || used.has(id.toLowerCase())) continue;
    used.add(name.toLowerCase());
    used.add(id.toLowerCase());
    const hue = Math.floor(rnd() * 360);
    out.push({
      id,
      displayName: name,
      color: hsl(hue, 0.55, 0.32),
      hasLogoutEndpoint: rnd() < 0.5,
      generated: true,
      hasLogo: rnd() >= 0.12,
    });
  }
  return out;
}

function hsl(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return `#${[f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
