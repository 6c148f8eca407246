import type en from "../en/metrics";

/** Textos en español de las métricas, del registro de comentarios de clientes y de sus importaciones CSV. Español neutro, de usted. */
export default {
  "metric.error.keyUnknown": "Elija una métrica del catálogo o defina una propia.",
  "metric.error.nameRequired": "Escriba el nombre de la métrica.",
  "metric.error.kind": "Elija de negocio u operativa.",
  "metric.error.unitRequired": "Escriba la unidad, por ejemplo %, pedidos o EUR.",
  "metric.error.direction": "Elija si es mejor más alto o más bajo.",
  "metric.error.baselineRequired": "Escriba la línea base.",
  "metric.error.targetRequired": "Escriba el valor objetivo.",
  "metric.error.valueRequired": "Escriba un valor.",
  "metric.error.number": "Escriba un número, por ejemplo 1234,5 o 1234.5.",
  "metric.error.numberAmbiguous": "Puede leerse como miles o como decimales. Escríbalo sin separador de miles (1234) o con otra cantidad de decimales (1,2).",
  "metric.error.dateRequired": "Escriba una fecha.",
  "metric.error.date": "Escriba una fecha real como AAAA-MM-DD o DD/MM/AAAA.",
  "metric.error.cadence": "Elija mensual o trimestral.",
  "metric.error.count": "Escriba un número entero, 0 o más.",
  "metric.error.noResponses": "Registre al menos una respuesta.",
  "feedback.error.sentiment": "Elija positivo o negativo.",
  "feedback.error.channel": "Elija un canal.",
  "feedback.error.capability": "Elija una capacidad del modelo, o ninguna.",
  "feedback.error.textRequired": "Escriba el comentario.",
} satisfies Record<keyof typeof en, string>;
