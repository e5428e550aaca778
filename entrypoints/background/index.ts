/**
 * The background service worker: starts the background's work (utils/background/service.ts), whose
 * listeners are registered synchronously so the MV3 service worker wakes up for them.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/utils/background/service';

export default defineBackground(startBackground);
