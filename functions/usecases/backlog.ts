/** 揭榜领案: the county's board of posted backlog cases, without personal data, and who claimed each. */
import { NotFoundError } from '../../shared/errors';
import type { BoardRow } from '../../shared/schemas/backlog';
import type { Deps, StaffCaller } from './context';
import { readsCentre } from '../../shared/roles';
import { centreScope } from './petitions';

const DAY = 86_400_000;

/**
 * The board of the caller's county; a township's staff see the cases of their own centre, read from its own part of
 * the board (a page is never short). Handlers and agents: 404.
 */
export async function board(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }): Promise<{ items: BoardRow[]; cursor?: string }> {
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const scope = centreScope(caller, org);
  const now = deps.clock.now().getTime();
  const out = await deps.petitions.listBoard(scope.kind === 'county' ? { kind: 'county', countyId: scope.id } : { kind: 'centre', centreId: scope.id }, page);
  // a board entry is written only while the case has boardSince (boardItem)
  const items = out.items.map((r) => {
    const b = r.backlog!;
    const lead = b.leadOfficial?.claimedAt ? { name: b.leadOfficial.name, claimedAt: b.leadOfficial.claimedAt } : undefined;
    return {
      id: r.id,
      trackingCode: r.trackingCode,
      categoryName: org.categories.find((c) => c.id === r.categoryId)?.name ?? '',
      townshipName: org.nodes.get(r.townshipId)?.name ?? '',
      status: r.status,
      backlogClass: b.backlogClass,
      ageDays: Math.floor((now - Date.parse(r.createdAt)) / DAY),
      boardSince: b.boardSince!,
      ...(lead ? { lead } : {}),
    };
  });
  return { items, cursor: out.cursor };
}
