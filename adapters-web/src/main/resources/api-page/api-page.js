// The API page: Swagger UI reading this server's /openapi.json. "Authorize" takes a bearer token (a JWT whose
// claims name the tenant); "Try it out" then calls this server with it. The token is kept only in this page's memory.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  displayOperationId: true,
  displayRequestDuration: true,
  persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
