import { render } from 'preact';
import { Popup } from '@/utils/popup/popup-page';

const app = document.getElementById('app');
if (app) render(<Popup />, app);
