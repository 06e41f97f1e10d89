package io.spime.cloud.service.internal.api;

import io.javalin.config.RoutesConfig;
import io.spime.cloud.service.internal.Services;

/** Every {@code /v1} route; each group in its own class. */
public final class ApiRoutes {
  private final Services services;

  public ApiRoutes(Services services) {
    this.services = services;
  }

  /** Adds the routes. */
  public void register(RoutesConfig routes) {
    TwinRoutes twins = new TwinRoutes(services);
    routes.get("/v1/twins/{vin}", twins::twin);
    routes.get("/v1/twins/{vin}/history", twins::history);
    routes.get("/v1/twins/{vin}/record", twins::record);
    routes.get("/v1/twins/{vin}/signals/latest", twins::latestSignals);
    FleetRoutes fleet = new FleetRoutes(services);
    routes.get("/v1/fleet", fleet::search);
    CustomerRoutes customers = new CustomerRoutes(services);
    routes.get("/v1/customers/{party}", customers::customer);
    routes.get("/v1/me/export", customers::export);
    OptInRoutes optIns = new OptInRoutes(services);
    routes.get("/v1/customers/{party}/optins", optIns::list);
    routes.post("/v1/customers/{party}/optins", optIns::grant);
    routes.post("/v1/customers/{party}/optins/withdrawals", optIns::withdraw);
    routes.get("/v1/partners/me/customers/{pseudonym}", new PartnerRoutes(services)::customer);
    OutreachRoutes outreach = new OutreachRoutes(services);
    routes.get("/v1/outreach/service-reminders", outreach::serviceReminders);
    routes.get("/v1/outreach/marketing", outreach::marketing);
    ExperienceRoutes experience = new ExperienceRoutes(services);
    routes.get("/v1/customers/{party}/timeline", experience::timeline);
    routes.get("/v1/renewals", experience::renewals);
    routes.put("/v1/customers/{party}/touchpoints/{id}", new ExperienceWriteRoutes(services)::put);
    WriteRoutes writes = new WriteRoutes(services);
    routes.put("/v1/twins/{vin}", new RegistrationRoutes(services)::register);
    routes.post("/v1/twins/{vin}/consents", writes::consent);
    routes.post("/v1/twins/{vin}/commands", writes::command);
    CarDataRoutes data = new CarDataRoutes(services);
    routes.get("/v1/twins/{vin}/rollups/{signalId}", data::rollups);
    routes.get("/v1/twins/{vin}/commands/{commandId}", data::command);
    CustodyWriteRoutes custody = new CustodyWriteRoutes(services);
    routes.post("/v1/twins/{vin}/touchpoints", custody::touchpoint);
    routes.put("/v1/twins/{vin}/driver", custody::assignDriver);
    routes.delete("/v1/twins/{vin}/driver", custody::endDriver);
    routes.put("/v1/twins/{vin}/desired/policy", new PolicyRoutes(services)::put);
    routes.get("/v1/twins/{vin}/state", new StateRoutes(services)::state);
  }
}
