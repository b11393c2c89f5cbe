package dev.hpo.storage;

import java.util.concurrent.atomic.AtomicInteger;

/** The storage contract on H2 (in-memory databases), the second dialect: statements run one by one there. */
class H2JdbcStorageTest extends JdbcStorageContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    String freshUrl() {
        return "jdbc:h2:mem:hpo" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }
}
