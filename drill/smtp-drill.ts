import { checkFilings, checkMail, combine, seconds, settleOutbox } from './checks';
import { Filed, filingBody, send } from './load';
import { sleep, withStack } from './stack';
import { Verdict } from './verdict';

/**
 * The mail server away for `outageMs`: every mail owed meanwhile waits (its
 * job retries with exponential back-off from MAIL_RETRY_DELAY_MS), then is
 * delivered once the server is back. With back-off doubling, a mail's next
 * try after the outage comes at most about as long after it as the mail had
 * already waited, so late means not delivered within the outage again plus
 * a minute after the mail server came back.
 */
export function smtpDrill({ outageMs, filings, retryDelayMs }: { outageMs: number; filings: number; retryDelayMs: number }): Promise<Verdict> {
  return withStack({ env: { MAIL_RETRY_DELAY_MS: String(retryDelayMs) } }, async (stack) => {
    const server = await stack.serve();
    const port = stack.smtp.port;
    await stack.smtp.stop();
    const downAt = Date.now();
    const filed: Filed[] = [];
    const problems: string[] = [];
    for (let i = 0; i < filings; i++) {
      const { body, email } = filingBody('smtp');
      const res = await send(stack.baseUrl, 'POST', '/api/v1/complaints', body);
      if (res.status !== 201) problems.push(`a filing with the mail server down answered ${res.status}`);
      else filed.push({ ...(JSON.parse(res.body) as { trackingCode: string; referenceNo: string }), email, at: Date.now() });
      await sleep(outageMs / filings / 2);
    }
    await sleep(Math.max(0, downAt + outageMs - Date.now()));
    const [{ attempts, pending }] = (
      await stack.db.query(`SELECT coalesce(sum(attempts), 0)::int AS attempts, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM notifications`)
    ).rows;
    const receivedDuring = stack.smtp.arrivals.length;
    await stack.smtp.start(port);
    const upAt = Date.now();
    const lateMs = outageMs + 60_000;
    const settled = await settleOutbox(stack, lateMs + 30_000);
    const counts = combine(await checkFilings(stack, filed), await checkMail(stack, lateMs));
    const [{ lastSent }] = (await stack.db.query(`SELECT max(sent_at) AS "lastSent" FROM notifications`)).rows;
    await server.stop('SIGTERM');
    if (receivedDuring) problems.push(`${receivedDuring} mails arrived while the mail server was down`);
    if (!settled) problems.push('the outbox did not settle within the bound');
    return {
      name: 'smtp-down',
      ...counts,
      figures: [
        `mail server down ${seconds(upAt - downAt)} (MAIL_RETRY_DELAY_MS=${retryDelayMs}): ${pending} mails pending after ${attempts} failed tries; the last delivered ${lastSent ? seconds(lastSent.getTime() - upAt) : '-'} after it was back`,
        ...counts.figures,
      ],
      problems,
    };
  });
}
