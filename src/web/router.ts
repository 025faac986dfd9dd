/**
 * The console's screens, one lazily loaded chunk per capability (route-level code splitting keeps the home
 * screen's first load small). History mode under /console: the server answers every /console path with the app.
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./home/HomeView.vue') },
  { path: '/:rest(.*)*', name: 'notFound', component: () => import('./shared/NotFoundView.vue') },
];

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

// Move focus to the new page's main area, so screen readers and keyboards start there (as a page load would).
router.afterEach((to, from) => {
  if (to.path === from.path) return;
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
});
