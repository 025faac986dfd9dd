/**
 * Who is signed in and which agency the console works on. Loaded once at start from GET /api/v1/auth/me (which
 * also gives the CSRF token) and GET /api/v1/agencies (what the user may see).
 */
import { computed, reactive } from 'vue';
import type { Role } from '../../core/roles';
import { api, must, setCsrfToken, signInUrl } from '../api/client';
import type { components, paths } from '../api/schema';

export type Agency =
  paths['/api/v1/agencies']['get']['responses'][200]['content']['application/json']['agencies'][number];
type Me = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

const KEY = 'gongkai.console.agency';

export const session = reactive({
  loaded: false,
  user: null as Me['user'] | null,
  agencies: [] as Agency[],
  /** The agency the screens work on (chosen in the header; the first grant's agency by default). */
  agencyId: '' as string,
});

/** Loads the session; a signed-out visitor is sent to the sign-in page. */
export async function loadSession(): Promise<void> {
  const me = await must(api.GET('/api/v1/auth/me'));
  setCsrfToken(me.csrfToken);
  const { agencies } = await must(api.GET('/api/v1/agencies'));
  session.user = me.user;
  session.agencies = agencies;
  const saved = localStorage.getItem(KEY);
  const first = me.user.grants[0]?.agencyId;
  session.agencyId =
    agencies.find((a) => a.id === saved)?.id ??
    agencies.find((a) => a.id === first)?.id ??
    agencies[0]?.id ??
    '';
  session.loaded = true;
}

export function chooseAgency(id: string): void {
  session.agencyId = id;
  localStorage.setItem(KEY, id);
}

export const currentAgency = computed(() => session.agencies.find((a) => a.id === session.agencyId) ?? null);

/** The ids of an agency and every agency below it, among those the user sees. */
export function subtreeOf(rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of session.agencies) {
      if (a.parentId && out.has(a.parentId) && !out.has(a.id)) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Whether the user holds one of `roles` on `agencyId` (a grant applies to its whole subtree). */
export function hasRole(roles: readonly Role[], agencyId: string = session.agencyId): boolean {
  return (session.user?.grants ?? []).some(
    (g) => roles.includes(g.role) && subtreeOf(g.agencyId).has(agencyId),
  );
}

/** Whether the user holds one of `roles` anywhere. */
export function hasAnyRole(roles: readonly Role[]): boolean {
  return (session.user?.grants ?? []).some((g) => roles.includes(g.role));
}

/** Whether the current agency has agencies below it (a supervisor's or a district's view). */
export const hasSubtree = computed(() => session.agencies.some((a) => a.parentId === session.agencyId));

export async function signOut(): Promise<void> {
  try {
    await must(api.POST('/api/v1/auth/logout'));
  } finally {
    window.location.assign('/login');
  }
}

export { signInUrl };
export type { components };
