package org.mlcouncil.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of a real server (SMTP, PostgreSQL) that a test switches between three
 * behaviours of the network: {@link #forward()}, {@link #silent()} (connections are accepted and
 * read, but nothing ever answers: a hung server, which only timeouts end) and {@link #refuse()}
 * (the port is closed and every open connection is reset: a server that is down).
 */
final class TcpProxy implements AutoCloseable {

  enum Mode { FORWARD, SILENT, REFUSE }

  private final String name;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable);
    thread.setDaemon(true);
    return thread;
  });
  private volatile Mode mode = Mode.FORWARD;
  private ServerSocket listener;

  TcpProxy(String name, int targetPort) {
    this.name = name;
    this.targetPort = targetPort;
    this.port = freePort();
    listen();
  }

  int port() {
    return port;
  }

  synchronized void forward() {
    mode = Mode.FORWARD;
    listen();
  }

  synchronized void silent() {
    mode = Mode.SILENT;
    listen();
  }

  /** Closes the port (new connections are refused) and resets every connection already open. */
  synchronized void refuse() {
    mode = Mode.REFUSE;
    closeQuietly(listener);
    listener = null;
    open.forEach(TcpProxy::reset);
    open.clear();
  }

  @Override
  public synchronized void close() {
    refuse();
    threads.shutdownNow();
  }

  private void listen() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      // The port was ours a moment ago; connections closed then may still be in TIME_WAIT.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      listener = socket;
    } catch (IOException e) {
      throw new UncheckedIOException(name + " proxy cannot listen on port " + port + " again", e);
    }
    ServerSocket accepting = listener;
    threads.execute(() -> accept(accepting));
  }

  private void accept(ServerSocket accepting) {
    while (!accepting.isClosed()) {
      try {
        Socket client = accepting.accept();
        open.add(client);
        if (mode == Mode.FORWARD) {
          threads.execute(() -> connect(client));
        } else {
          threads.execute(() -> swallow(client));
        }
      } catch (IOException closedByRefuse) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      Socket server = new Socket("127.0.0.1", targetPort);
      open.add(server);
      threads.execute(() -> pump(client, server));
      pump(server, client);
    } catch (IOException e) {
      reset(client);
    }
  }

  /** Reads whatever the client sends and never answers, holding the connection open. */
  private void swallow(Socket client) {
    try (InputStream in = client.getInputStream()) {
      byte[] buffer = new byte[8192];
      while (in.read(buffer) >= 0) {
        // discarded: a silent server reads but never replies
      }
    } catch (IOException e) {
      // the client gave up or the proxy reset it
    } finally {
      open.remove(client);
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[16384];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed or was reset; the other follows below
    } finally {
      open.remove(from);
      open.remove(to);
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException alreadyClosed) {
      // nothing left to reset
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // closing after a failure: nothing more to do
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
