/** Maturity levels of a capability: below / meeting some / meeting / exceeding industry standards. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** The keys of the built-in model (INTERFACES.md); exports and URLs rely on them. */
export const CATEGORY_KEYS = {
  "business-process": [
    "business-intelligence",
    "customer-strategy",
    "customer-processes",
    "customer-products",
    "knowledge-management",
  ],
  talent: ["talent-acquisition", "talent-alignment", "talent-training", "talent-retention", "workforce-management"],
  "customer-interaction": [
    "channel-management",
    "integrated-sales",
    "billing",
    "service-delivery",
    "automated-channels",
    "cx-intelligence",
    "quality-management",
  ],
  infrastructure: [
    "technology-roadmap",
    "applications",
    "technology-architecture",
    "communications",
    "security",
    "data-management",
    "physical-environment",
    "systems-integration",
  ],
} as const;
