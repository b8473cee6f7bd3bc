// The example bot's dashboard: the kit's styles and app; plugin pages come from ../package.json's dependencies.
import '@baseline/web-kit/styles.css';
import { mountDashboard } from '@baseline/web-kit';

mountDashboard(document.getElementById('root')!);
