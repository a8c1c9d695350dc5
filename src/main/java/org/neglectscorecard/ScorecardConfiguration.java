package org.neglectscorecard;

import java.io.ObjectInputFilter;

import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.neglectscorecard.indicators.Catalogue;
import org.neglectscorecard.indicators.IndicatorEngine;
import org.neglectscorecard.ingest.InputScanner;
import org.neglectscorecard.privacy.Pseudonymiser;
import org.neglectscorecard.reference.LaDirectory;
import org.neglectscorecard.store.DatabaseSetup;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The pieces every command shares: catalogue, engine, key, schema set-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScorecardProperties.class)
public class ScorecardConfiguration {

    /**
     * Names unquoted, so H2 (which upper-cases them) and PostgreSQL (which lower-cases them) both
     * find the tables the DDL created, and catalogue SQL reads the same on both.
     */
    @Bean
    DefaultConfigurationCustomizer unquotedNames() {
        return configuration -> configuration.settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    }

    /**
     * Spring Batch deserialises execution contexts only for classes it trusts; the run's list of
     * input files (records of the ingest package) is added to them, and nothing else.
     */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        serializer.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                "org.neglectscorecard.ingest.**;" + DefaultExecutionContextSerializer.DEFAULT_FILTER_PATTERN));
        return serializer;
    }

    /**
     * On PostgreSQL, a JDBC batch of one-row INSERTs (how returns are loaded: BulkInsert) is sent as
     * INSERTs of many rows each (the driver's reWriteBatchedInserts). National extract, 65 LAs, on a
     * fresh database: loadReturns 40.2 s became 22.6 s, the whole run 120 s became 90 s. A URL or a
     * spring.datasource.hikari.data-source-properties that sets reWriteBatchedInserts keeps its own.
     */
    @Bean
    static BeanPostProcessor postgresqlBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof com.zaxxer.hikari.HikariDataSource ds && ds.getJdbcUrl() != null
                        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !ds.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
                    ds.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }

    @Bean
    Catalogue catalogue(ScorecardProperties properties) {
        return Catalogue.load(properties.sqlDir());
    }

    @Bean(initMethod = "run")
    DatabaseSetup databaseSetup(javax.sql.DataSource dataSource, DSLContext dsl, PlatformTransactionManager transactionManager,
                                Catalogue catalogue, LaDirectory las) {
        return new DatabaseSetup(dataSource, dsl, transactionManager, catalogue.location(), las);
    }

    @Bean
    IndicatorEngine indicatorEngine(DSLContext dsl, Catalogue catalogue, DatabaseSetup setup,
                                    PlatformTransactionManager transactionManager, ScorecardProperties properties,
                                    javax.sql.DataSource dataSource) {
        int workers = properties.workers();
        if (dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
            // Each worker holds a connection while the step holds its own: never more than the pool has to give.
            workers = Math.max(1, Math.min(workers, pool.getMaximumPoolSize() - 2));
        }
        return new IndicatorEngine(dsl, catalogue, transactionManager, workers);
    }

    @Bean
    org.neglectscorecard.benchmark.Benchmarks benchmarks(DSLContext dsl, Catalogue catalogue, DatabaseSetup setup) {
        return new org.neglectscorecard.benchmark.Benchmarks(dsl, catalogue);
    }

    /** Without a configured key, the built-in sample key: refused later for anything but sample data. */
    @Bean
    Pseudonymiser pseudonymiser(ScorecardProperties properties) {
        String key = properties.resolvedKey();
        return new Pseudonymiser(key == null ? Pseudonymiser.SAMPLE_KEY : key);
    }

    @Bean
    InputScanner inputScanner(LaDirectory las) {
        return new InputScanner(las);
    }
}
