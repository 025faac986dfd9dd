/** The staff console: a Vue 3 + Element Plus app over the JSON API (docs/console.md). */
import { createApp } from 'vue';
import 'element-plus/theme-chalk/base.css';
import './shared/console.css';
import App from './App.vue';
import { router } from './router';

createApp(App).use(router).mount('#app');
