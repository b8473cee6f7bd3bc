import '@baseline/web-kit/styles.css';
import { mountDashboard } from '@baseline/web-kit';

mountDashboard(document.getElementById('root')!);
