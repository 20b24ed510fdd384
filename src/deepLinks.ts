/**
 * Deep links into a title (src/platform turns each platform's form into a title id). Signed in: open the
 * player, which authorizes and plays as usual. Not signed in yet (or still starting): remember the title;
 * the catalog route, where every sign-in and every start-up of a signed-in user lands, hands over to
 * it instead (routes.ts), so the user signs in first and then continues to that title.
 */
import { services } from './services';

let pending: string | undefined;

export function openTitle(titleId: string): void {
  const s = services();
  if (s.session.booted && s.flows.current()) s.nav.to(`play/${titleId}`);
  else pending = titleId;
}

/** The title waiting for the sign-in (cleared once taken). */
export function takePendingTitle(): string | undefined {
  const id = pending;
  pending = undefined;
  return id;
}
