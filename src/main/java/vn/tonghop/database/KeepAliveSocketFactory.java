package vn.tonghop.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

import jdk.net.ExtendedSocketOptions;

/**
 * Sockets to PostgreSQL that find out within a minute that the server stopped answering (its
 * machine down, a failover to another): such a server closes nothing, and a statement waiting for
 * its answer would wait for ever, and with it the run, whose schedule no instance of the cluster
 * fires meanwhile. Probes after 30 s of silence, 3 of them 10 s apart, where the system's defaults
 * wait two hours. PgJDBC makes its sockets here ({@code socketFactory}) and switches the probes on
 * ({@code tcpKeepAlive}).
 */
public final class KeepAliveSocketFactory extends SocketFactory {

	private static final int IDLE_SECONDS = 30;

	private static final int INTERVAL_SECONDS = 10;

	private static final int PROBES = 3;

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setKeepAlive(true);
		try {
			socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
			socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
			socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
		}
		catch (UnsupportedOperationException ex) {
			// A system that does not let a socket set them: its own times, later, rather than never.
		}
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
		Socket socket = createSocket();
		try {
			if (local != null) {
				socket.bind(local);
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
