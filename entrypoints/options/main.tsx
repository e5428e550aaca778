import { render } from 'preact';
import { Options } from '@/utils/options/options-page';

const app = document.getElementById('app');
if (app) render(<Options />, app);
