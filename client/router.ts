import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { useIdentityStore } from './stores/identity.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** Full-screen page without the app header (the projection). */
    bare?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: () => import('./pages/HomePage.vue') },
    { path: '/j/:code?', name: 'join', component: () => import('./pages/JoinPage.vue'), props: true },
    { path: '/s/:sessionId', name: 'board', component: () => import('./pages/BoardPage.vue'), props: true },
    { path: '/f/:studyId', name: 'study', component: () => import('./pages/StudyPage.vue'), props: true },
    { path: '/f/:studyId/rapport', name: 'report', component: () => import('./pages/ReportPage.vue'), props: true },
    { path: '/f/:studyId/s/:sessionId', name: 'console', component: () => import('./pages/ConsolePage.vue'), props: true },
    { path: '/f/:studyId/s/:sessionId/nabellen', name: 'followup', component: () => import('./pages/FollowUpPage.vue'), props: true },
    {
      path: '/f/:studyId/s/:sessionId/projectie',
      name: 'projection',
      component: () => import('./pages/ProjectionPage.vue'),
      props: true,
      meta: { bare: true },
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  ],
});

/**
 * The facilitator link carries the study key in the fragment (never sent to the server or in a
 * Referer). Keep it in localStorage and take it out of the address bar and history entry:
 * the redirect replaces the entry (history.replaceState) so the key is not left on screen.
 */
function captureFacilitatorKey(to: RouteLocationNormalized) {
  const match = /^#key=(.+)$/.exec(to.hash);
  const studyId = to.params.studyId;
  if (!match || typeof studyId !== 'string') return true;
  useIdentityStore().saveFacilitatorKey(studyId, decodeURIComponent(match[1]!));
  return { path: to.path, query: to.query, hash: '', replace: true };
}

router.beforeEach(captureFacilitatorKey);
