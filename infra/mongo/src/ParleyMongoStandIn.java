import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;

/**
 * Starts mongo-java-server with its in-memory backend on HOST:PORT (arguments, default
 * 127.0.0.1 27018) and runs until the JVM is stopped. Run with Java's source launcher:
 * {@code java -cp 'infra/mongo/lib/*' infra/mongo/src/ParleyMongoStandIn.java 127.0.0.1 27018}.
 *
 * <p>mongo-java-server 1.46 reports MongoDB 4.0 (wire version 7) at most; the Node driver 6.x
 * under mongoose 8 refuses anything below wire version 8 (MongoDB 4.2). The server is therefore
 * announced as 4.2: the commands the read store uses (find, update, delete, count, createIndexes,
 * listCollections, drop) exist in both, but nothing 4.2 added is implemented behind it.
 */
public final class ParleyMongoStandIn {
  /** The oldest version the current Node driver accepts. */
  private static final MongoVersion ANNOUNCED =
      new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
          return List.of(4, 2, 0);
        }

        @Override
        public int getWireVersion() {
          return 8;
        }
      };

  public static void main(String[] args) throws InterruptedException {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27018;
    MongoServer server = new MongoServer(new MemoryBackend().version(ANNOUNCED));
    server.bind(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.println("mongo stand-in listening on " + host + ":" + port + " (announced as MongoDB 4.2)");
    Thread.currentThread().join();
  }
}
