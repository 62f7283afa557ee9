import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Screen {
  /** Its path under /console/ and its key under `nav.` in the common words. */
  name: 'wall' | 'coordination' | 'dispatch' | 'command';
  /** The roles it is for; the gateway and subgraphs decide what each may read and do. */
  roles: string[];
  component: LazyExoticComponent<ComponentType>;
}

/** The console's screens, each loaded when first opened (the map and charts stay out of the first page). */
export const SCREENS: Screen[] = [
  { name: 'wall', roles: ['LEADER', 'OPERATOR'], component: lazy(() => import('./wall')) },
  { name: 'coordination', roles: ['OPERATOR', 'AGENCY_STAFF'], component: lazy(() => import('./coordination')) },
  { name: 'dispatch', roles: ['OPERATOR', 'AGENCY_STAFF'], component: lazy(() => import('./dispatch')) },
  { name: 'command', roles: ['LEADER', 'OPERATOR', 'AGENCY_STAFF'], component: lazy(() => import('./command')) },
];

export const screensFor = (roles: string[]) => SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
