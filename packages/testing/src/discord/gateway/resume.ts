import type { EmulatorContext } from '../emulator-context.js';
import type { GatewayConnection } from './gateway-connection.js';
import type { SessionRegistry } from './session-registry.js';

/** `d` of a RESUME (op 6), unchecked. */
export interface ResumeData {
  token?: unknown;
  session_id?: unknown;
  seq?: unknown;
}

/**
 * RESUME (op 6): moves a held session to this connection, replays the frames after `seq` and sends RESUMED;
 * a session that cannot replay is forgotten and the client gets INVALID_SESSION (not resumable).
 */
export function handleResume(ctx: EmulatorContext, sessions: SessionRegistry, connection: GatewayConnection, d: ResumeData): void {
  if (!d || typeof d !== 'object' || d.token !== ctx.application.botToken) {
    return connection.close(4004, 'Authentication failed');
  }
  const session = typeof d.session_id === 'string' ? sessions.get(d.session_id) : undefined;
  const frames = session && typeof d.seq === 'number' ? session.framesAfter(d.seq) : null;
  if (!session || !frames) {
    if (session) sessions.remove(session);
    connection.send('{"op":9,"d":false,"s":null,"t":null}');
    return;
  }
  if (session.connection && session.connection !== connection) session.connection.close(4000, 'Session resumed elsewhere');
  sessions.attach(session, connection);
  for (const frame of frames) connection.send(frame);
  session.dispatch('RESUMED', 'null');
}
