// The API documentation page: Swagger UI over /openapi.json, served from package files (the
// usual CDN copy would break offline use and the Content-Security-Policy).
/* global SwaggerUIBundle */
window.addEventListener("DOMContentLoaded", () => {
  SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
    tryItOutEnabled: false, validatorUrl: null });
});
