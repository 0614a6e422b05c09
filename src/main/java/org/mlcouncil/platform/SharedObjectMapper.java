package org.mlcouncil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * The REST APIs' object mapper, configured as Camunda configures it, built once. Camunda's
 * {@link JacksonConfigurator} builds a new mapper for every request, so every answer learns again
 * how to write each class it contains: the benchmark measured Tasklist's own (HAL) request for a
 * filter's first page at 59 ms p95 against 21 ms for the same tasks as plain JSON. A shared mapper
 * is safe: Jackson copies the configured date format for each call.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(Priorities.USER - 1)
public class SharedObjectMapper implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }
}
