/** Every route of the app in one place. Norwegian URLs: they are read by people. */
export const paths = {
  home: '/',
  login: '/logg-inn',
  acceptInvite: '/invitasjon',
  forgotPassword: '/glemt-passord',
  resetPassword: '/nytt-passord',
  mandate: '/mandat',
  bodies: '/organer',
  body: (id: string) => `/organer/${id}`,
  users: '/brukere',
} as const;
