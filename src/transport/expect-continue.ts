import type http from 'node:http';

/**
 * `Expect: 100-continue` is answered only when the body is first read, never up front. Node answers 100
 * itself unless the server listens for 'checkContinue'; with this listener the request goes to the app
 * like any other, and the 100 goes out when a handler starts reading the body, i.e. once the header
 * checks (link status, declared type, announced size) have passed. A refusal is answered instead, so the
 * client never sends a body that would be thrown away.
 */
export function answerContinueOnFirstRead(httpServer: http.Server, handler: http.RequestListener): void {
  httpServer.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    inviteBodyOnFirstRead(req, res);
    handler(req, res);
  });
}

function inviteBodyOnFirstRead(req: http.IncomingMessage, res: http.ServerResponse): void {
  // The stream calls _read only when someone consumes (pipe, 'data', read(), async iteration).
  const read = req._read.bind(req);
  let invited = false;
  req._read = (size: number) => {
    // After an answer (a refusal) Node drains the unread body itself: no 100 may follow a final status.
    if (!invited && !res.headersSent && !res.writableEnded) res.writeContinue();
    invited = true;
    read(size);
  };
}
