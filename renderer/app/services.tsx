// The signed-in device's services, handed to feature hooks through React context.
// Components never see the store itself: they call feature hooks (queries.ts, commands.ts).
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AppServices } from './store-port';

const ServicesContext = createContext<AppServices | null>(null);

export const ServicesProvider = ({
  services,
  children,
}: {
  services: AppServices;
  children: ReactNode;
}) => <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;

export const useServices = (): AppServices => {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices outside a signed-in session');
  return services;
};

/** The services when signed in, else null (settings and sign-in screens). */
export const useOptionalServices = (): AppServices | null => useContext(ServicesContext);
