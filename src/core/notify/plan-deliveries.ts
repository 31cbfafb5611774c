import { channelKey, type Subscription } from '../ports.js'
import type { PlannedDelivery } from './store-port.js'
import type { ChangeEvent } from './types.js'

/**
 * One delivery per (event, channel) for the active subscriptions the event matches: a channel
 * subscribed to two teams still gets a change touching both only once. The language comes from the
 * channel's all-teams subscription when it has one, else from its first matching one.
 */
export function planDeliveries(events: ChangeEvent[], subscriptions: Subscription[]): PlannedDelivery[] {
  const byChannel = new Map<string, Subscription[]>()
  for (const sub of subscriptions) {
    if (!sub.active) continue
    const key = channelKey(sub)
    byChannel.set(key, [...(byChannel.get(key) ?? []), sub])
  }
  const planned: PlannedDelivery[] = []
  for (const event of events) {
    for (const [key, subs] of byChannel) {
      const matching = subs.filter((s) => s.teamId === null || event.teams.includes(s.teamId))
      const chosen = matching.find((s) => s.teamId === null) ?? matching[0]
      if (!chosen) continue
      planned.push({
        eventId: event.id,
        channelKey: key,
        platform: chosen.platform,
        workspaceId: chosen.workspaceId,
        channelId: chosen.channelId,
        lang: chosen.lang,
      })
    }
  }
  return planned
}
