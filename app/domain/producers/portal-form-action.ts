/** The form action that ties a portal form to the producer it was opened for (checked by requirePortalActor). */
export function portalFormAction(producerId: number): string {
  return `?for=${producerId}`;
}
