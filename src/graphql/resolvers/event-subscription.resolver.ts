import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { BroadcastEvent } from '../../services/webhooks/notification-events.js';
import type { GraphQLContext } from '../context.js';
import { NotificationEventType, toNotificationEventType } from '../types/webhook.type.js';

// graphql-ws cannot say when a subscription is registered; the opt-in marker (src/graphql/ready-marker.ts) can.
const READY_NOTE =
  ' Send extensions {announceReady: true} in the subscribe message to get a first result {extensions: {ready: true}} (no data) once every event committed from then on is sure to arrive.';

type Args = { workspaceId: string; linkId?: string | null };

/** Subscribes after checking the key may see the workspace; events of other workspaces never pass. */
async function eventsOf({ args, context }: SubscribeResolverData<unknown, Args, GraphQLContext>, kind: 'upload.' | 'link.') {
  const { services } = context;
  await services.auth.assertWorkspaceAccess(await context.principal(), args.workspaceId);
  const workspaceId = args.workspaceId.toLowerCase();
  const linkId = args.linkId?.toLowerCase();
  return services.liveEvents.subscribe(
    (event) => event.workspaceId === workspaceId && event.event.type.startsWith(kind) && (!linkId || event.linkId === linkId),
  );
}

/** Live events over graphql-ws on /graphql (authenticated by the API key in connection_init). */
@Resolver()
export class EventSubscriptionResolver {
  @Subscription(() => NotificationEventType, {
    description:
      'Upload events of a workspace (or of one link) as they commit, with the payloads webhooks carry.' + READY_NOTE,
    subscribe: (data) => eventsOf(data as SubscribeResolverData<unknown, Args, GraphQLContext>, 'upload.'),
  })
  uploadEvents(
    @Root() event: BroadcastEvent,
    @Arg('workspaceId', () => ID) _workspaceId: string,
    @Arg('linkId', () => ID, { nullable: true }) _linkId: string | null,
  ): NotificationEventType {
    return toNotificationEventType(event.event);
  }

  @Subscription(() => NotificationEventType, {
    description: 'Link events of a workspace (created, revoked, exhausted, expired) as they commit.' + READY_NOTE,
    subscribe: (data) => eventsOf(data as SubscribeResolverData<unknown, Args, GraphQLContext>, 'link.'),
  })
  linkEvents(@Root() event: BroadcastEvent, @Arg('workspaceId', () => ID) _workspaceId: string): NotificationEventType {
    return toNotificationEventType(event.event);
  }
}
