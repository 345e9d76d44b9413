import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n/index.ts';
import { router } from './router.ts';
import { useConnectionStore } from './stores/connection.ts';
import { useFollowUpStore } from './stores/followup.ts';
import { useSessionStore } from './stores/session/index.ts';
import { useStudyStore } from './stores/study.ts';
import { useSynthesisStore } from './stores/synthesis.ts';
import { useUiStore } from './stores/ui.ts';
import './styles/base.css';
import './styles/forms.css';

const app = createApp(App).use(createPinia()).use(i18n).use(router);

// Socket listeners are registered once, here, for the life of the page.
useConnectionStore().listen();
useSessionStore().listen();
useStudyStore().listen();
useSynthesisStore().listen();
useFollowUpStore().listen();
useUiStore();

app.mount('#app');
