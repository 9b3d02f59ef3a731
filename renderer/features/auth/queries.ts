import { useOptionalServices } from '../../app/services';

/** The signed-in user and sign-out, or null before sign-in. */
export const useSession = () => {
  const services = useOptionalServices();
  return services ? { user: services.user, signOut: services.signOut } : null;
};
