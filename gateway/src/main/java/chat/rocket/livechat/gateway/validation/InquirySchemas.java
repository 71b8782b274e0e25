package chat.rocket.livechat.gateway.validation;

/**
 * The request schemas of the inquiry endpoints and of {@code licenses.info}, as Rocket.Chat's rest-typings declare
 * them ({@code isGETLivechatInquiriesGetOneParams}, {@code isPOSTLivechatInquiriesTakeParams},
 * {@code isLicensesInfoProps}): no additional keys. Held to {@code docs/openapi.yaml} by {@code SchemasDocumentTest},
 * like {@link Schemas}.
 */
public final class InquirySchemas {

  /** {@code GET livechat/inquiries.getOne} query: {@code roomId} required. */
  public static final Schema INQUIRY_GET_QUERY = Schema.object()
      .requiredProperty("roomId", Schema.string());

  /** {@code POST livechat/inquiries.take} body: {@code inquiryId} required, {@code userId} nullable. */
  public static final Schema INQUIRY_TAKE_BODY = Schema.object()
      .requiredProperty("inquiryId", Schema.string())
      .property("userId", Schema.nullableString());

  /** {@code GET licenses.info} query: {@code loadValues}, a boolean (ajv coerces {@code "true"}). */
  public static final Schema LICENSES_INFO_QUERY = Schema.object()
      .property("loadValues", Schema.bool());

  private InquirySchemas() {
  }
}
