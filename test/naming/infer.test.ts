/**
 * The naming stage on small specs, one rule at a time (docs/naming.md): paths decide the tree, CRUD verbs,
 * action segments, operationIds as evidence, vendor extensions, clashes, and independence from document order.
 */
import { restatesRoute, spacedBySummary } from '../../generator/ir/naming/operation-id';
import { mountNoun } from '../../generator/ir/naming/path-shape';
import { singular } from '../../generator/text/case';
import { isPlural } from '../../generator/text/inflect';
import { namesOf, type Paths } from './helpers';

/** A 200 response with a JSON body of the given schema. */
const answering = (schema: object) => ({
  responses: {
    '200': { description: 'OK', content: { 'application/json': { schema } } },
  },
});

const strings = { type: 'array', items: { type: 'string' } };

/** `n` string properties (`field1`…), as a settings object or a page's paging fields have. */
const fields = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`field${i + 1}`, { type: 'string' }]));

const listResponse = {
  responses: {
    '200': {
      description: 'OK',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { data: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
  },
};

describe('inference from paths', () => {
  it('nests resources along static segments, drops versions, and uses CRUD verbs', async () => {
    const { names } = await namesOf({
      '/v1/fine_tuning/jobs': { get: listResponse, post: {} },
      '/v1/fine_tuning/jobs/{id}': { get: {}, post: {}, delete: {} },
      '/v1/fine_tuning/jobs/{id}/events': { get: listResponse },
    });
    expect(names).toEqual({
      'GET /v1/fine_tuning/jobs': 'fineTuning.jobs.list',
      'POST /v1/fine_tuning/jobs': 'fineTuning.jobs.create',
      'GET /v1/fine_tuning/jobs/{id}': 'fineTuning.jobs.retrieve',
      'POST /v1/fine_tuning/jobs/{id}': 'fineTuning.jobs.update',
      'DELETE /v1/fine_tuning/jobs/{id}': 'fineTuning.jobs.delete',
      'GET /v1/fine_tuning/jobs/{id}/events': 'fineTuning.jobs.events.list',
    });
  });

  it('drops the versions of Google (v1beta1) and the dates of AWS and Azure (2015-01-01)', async () => {
    const { names } = await namesOf({
      '/2015-01-01/es/packages': { get: listResponse },
      '/v1beta1/projects/{project}/notes': { get: listResponse },
    });
    expect(names).toEqual({
      'GET /2015-01-01/es/packages': 'es.packages.list',
      'GET /v1beta1/projects/{project}/notes': 'projects.notes.list',
    });
  });

  it("drops a format suffix from segments and parameters (Twilio's .json)", async () => {
    const { names } = await namesOf({
      '/2010-04-01/Accounts/{AccountSid}/Calls.json': { get: listResponse, post: {} },
      '/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json': { get: {}, delete: {} },
    });
    expect(names).toEqual({
      'GET /2010-04-01/Accounts/{AccountSid}/Calls.json': 'accounts.calls.list',
      'POST /2010-04-01/Accounts/{AccountSid}/Calls.json': 'accounts.calls.create',
      'GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json': 'accounts.calls.retrieve',
      'DELETE /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json': 'accounts.calls.delete',
    });
    // A feed's `.atom` and `.rss` (channel4's, the UK parliament's).
    const feeds = await namesOf({
      '/brands/popular.atom': { get: {} },
      '/api/v1/Rss/publicbills.rss': { get: {} },
    });
    expect(feeds.names).toEqual({
      'GET /brands/popular.atom': 'brands.popular.retrieve',
      'GET /api/v1/Rss/publicbills.rss': 'rss.publicbills.list',
    });
  });

  it("drops the API's root (Jira's /rest/api/3/) but never a whole path", async () => {
    const { names } = await namesOf({
      '/rest/api/3/issue/{issueIdOrKey}': { get: {} },
      '/api/users': { get: listResponse },
      '/api': { get: {} },
      '/restv2/game/regions': { get: listResponse },
      '/api-v1.0/stops': { get: listResponse },
      '/rest-service-fecru/admin/users': { get: listResponse },
    });
    expect(names).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}': 'issue.retrieve',
      'GET /api/users': 'users.list',
      'GET /api': 'api.retrieve',
      // gamesparks' root, and a versioned one.
      'GET /restv2/game/regions': 'game.regions.list',
      'GET /api-v1.0/stops': 'stops.list',
      // Atlassian Fisheye's and Crucible's.
      'GET /rest-service-fecru/admin/users': 'admin.users.list',
    });
  });

  it("reads Docker's trailing json segment as a format, where no sibling or call above says it names the call", async () => {
    const docker = await namesOf({
      '/containers/json': { get: answering(strings) },
      '/containers/create': { post: {} },
      '/containers/{id}/json': { get: {} },
      '/containers/{id}': { delete: {} },
      '/exec/{id}/json': { get: {} },
    });
    expect(docker.names).toEqual({
      'GET /containers/json': 'containers.list',
      'POST /containers/create': 'containers.create',
      'GET /containers/{id}/json': 'containers.retrieve',
      'DELETE /containers/{id}': 'containers.delete',
      'GET /exec/{id}/json': 'exec.retrieve',
    });
    // As before: beside another format (opendatasoft), a call of its method above it (presalytics), or alone (httpbin).
    const exports = await namesOf({
      '/exports/json': { get: {} },
      '/exports/csv': { get: {} },
      '/file': { post: {} },
      '/file/json': { post: {} },
    });
    expect(exports.names).toEqual({
      'GET /exports/json': 'exports.json.retrieve',
      'GET /exports/csv': 'exports.csv.retrieve',
      'POST /file': 'file.create',
      'POST /file/json': 'file.json.create',
    });
    const httpbin = await namesOf({ '/json': { get: {} }, '/ip': { get: {} } });
    expect(httpbin.names).toEqual({ 'GET /json': 'json.retrieve', 'GET /ip': 'ip.retrieve' });
  });

  it('drops a format segment every path starts with (namsor), and keeps one that tells twins apart (wmata)', async () => {
    const everywhere = await namesOf({
      '/api2/json/gender/{firstName}': { get: {} },
      '/api2/json/genderBatch': { post: {} },
    });
    expect(everywhere.names).toEqual({
      'GET /api2/json/gender/{firstName}': 'gender.retrieve',
      'POST /api2/json/genderBatch': 'genderBatch.create',
    });
    const twins = await namesOf({
      '/Incidents': { get: {} },
      '/json/Incidents': { get: {} },
    });
    expect(twins.names).toEqual({
      'GET /Incidents': 'incidents.list',
      'GET /json/Incidents': 'json.incidents.list',
    });
  });

  it("reads no name after a path's # (AWS's /#X-Amz-Target=…) and reads V1.0 as a version", async () => {
    const { names } = await namesOf({
      '/#X-Amz-Target=Proton.CreateService': { post: { operationId: 'CreateService' } },
      '/#X-Amz-Target=Proton.DeleteService': { post: { operationId: 'DeleteService' } },
      '/V1.0/ActionTypes': { get: listResponse },
    });
    expect(names).toEqual({
      'POST /#X-Amz-Target=Proton.CreateService': 'api.createService',
      'POST /#X-Amz-Target=Proton.DeleteService': 'api.deleteService',
      'GET /V1.0/ActionTypes': 'actionTypes.list',
    });
  });

  it('reads a leading parameter as a setting of the API, and a .{format} suffix as no name', async () => {
    const { names } = await namesOf({
      '/{format}/Areas': { get: listResponse },
      '/{dialect}/api/where/plan-trip': { get: {} },
      '/map/{versionNumber}/copyrights.{format}': { get: listResponse },
    });
    expect(names).toEqual({
      'GET /{format}/Areas': 'areas.list',
      'GET /{dialect}/api/where/plan-trip': 'where.planTrip.retrieve',
      'GET /map/{versionNumber}/copyrights.{format}': 'map.copyrights.list',
    });
  });

  it('reads a parameter glued to the end of a segment (bufferapp, walmart) as no name, and v{version} as a version', async () => {
    const { names } = await namesOf({
      '/info/configuration{mediaTypeExtension}': { get: {} },
      '/profiles/{id}/updates/reorder{mediaTypeExtension}': { post: {} },
      '/v{version}/sites/{site_Ids}': { get: {} },
      '/v3/orders': { get: listResponse },
      '/v3/orders{nextCursor}': { get: { ...listResponse, operationId: 'getAllOrdersNext' } },
    });
    expect(names).toEqual({
      'GET /info/configuration{mediaTypeExtension}': 'info.configuration.retrieve',
      'POST /profiles/{id}/updates/reorder{mediaTypeExtension}': 'profiles.updates.reorder',
      'GET /v{version}/sites/{site_Ids}': 'sites.retrieve',
      // The glued variant gives way to the plain path, and takes its operationId.
      'GET /v3/orders': 'orders.list',
      'GET /v3/orders{nextCursor}': 'orders.getAllOrdersNext',
    });
  });

  it("makes a clash's fallbacks without the counter a generator added to an id another has (xtrf's getById_7)", async () => {
    const { names } = await namesOf({
      '/projects': { post: { operationId: 'create_5' } },
      '/v2/projects': { post: { operationId: 'create_6' } },
      '/projects/{id}': { get: { operationId: 'getById_7' } },
      '/v2/projects/{id}': { get: { operationId: 'getById_9' } },
      '/users': { post: { operationId: 'create' } },
      '/users/{id}': { get: { operationId: 'getById' } },
      // As before: a number that counts nothing (no `version` beside it) stays.
      '/releases': { get: { operationId: 'version_2' } },
      '/v2/releases': { get: { operationId: 'version_3' } },
    });
    expect(names).toEqual({
      'POST /projects': 'projects.create',
      'POST /v2/projects': 'projects.create2',
      'GET /projects/{id}': 'projects.getById',
      'GET /v2/projects/{id}': 'projects.getById2',
      'POST /users': 'users.create',
      'GET /users/{id}': 'users.retrieve',
      'GET /releases': 'releases.version2',
      'GET /v2/releases': 'releases.version3',
    });
  });

  it('drops every prefix the resource repeats from the operationId a clash falls back to (netbox)', async () => {
    const { names } = await namesOf({
      '/circuits/circuit-terminations/{id}/': {
        put: { operationId: 'circuits_circuit-terminations_update' },
        patch: { operationId: 'circuits_circuit-terminations_partial_update' },
      },
    });
    expect(names).toEqual({
      'PUT /circuits/circuit-terminations/{id}/': 'circuits.circuitTerminations.update',
      'PATCH /circuits/circuit-terminations/{id}/': 'circuits.circuitTerminations.partialUpdate',
    });
  });

  it('drops the resource from the fallback of an operationId that begins with it (DigitalOcean, gitea, visma)', async () => {
    const { names } = await namesOf({
      '/v2/domains/{domain_name}/records/{domain_record_id}': {
        put: { operationId: 'domains_update_record' },
        patch: { operationId: 'domains_patch_record' },
      },
      // A phrase that ends at the resource's noun (gitea's `repoAddTopic`, visma's `getCountryByCode2`).
      '/repos/{owner}/{repo}/topics': { put: { operationId: 'repoUpdateTopics' } },
      '/repos/{owner}/{repo}/topics/{topic}': { put: { operationId: 'repoAddTopic' } },
      '/countries/{code2}': { get: { operationId: 'Countries_GetCountryByCode2' } },
      '/countries/{code3}': { get: { operationId: 'Countries_GetCountryByCode3' } },
      // As before: words after the verb that are not the resource's stay, and so does a noun whose phrase goes on
      // (gitea's pull request is no request).
      '/v2/volumes/{volume_id}': {
        put: { operationId: 'volumes_update_size' },
        patch: { operationId: 'volumes_patch_size' },
      },
      '/repos/{owner}/{repo}/pulls/{index}': { get: { operationId: 'repoGetPullRequest' } },
      '/repos/{owner}/{repo}/pulls/{index}.{diffType}': {
        get: { operationId: 'repoDownloadPullDiffOrPatch' },
      },
    });
    expect(names).toEqual({
      'PUT /v2/domains/{domain_name}/records/{domain_record_id}': 'domains.records.update',
      'PATCH /v2/domains/{domain_name}/records/{domain_record_id}': 'domains.records.patch',
      'PUT /repos/{owner}/{repo}/topics': 'repos.topics.update',
      'PUT /repos/{owner}/{repo}/topics/{topic}': 'repos.topics.add',
      'GET /countries/{code2}': 'countries.getByCode2',
      'GET /countries/{code3}': 'countries.getByCode3',
      'PUT /v2/volumes/{volume_id}': 'volumes.updateSize',
      'PATCH /v2/volumes/{volume_id}': 'volumes.patchSize',
      'GET /repos/{owner}/{repo}/pulls/{index}': 'repos.pulls.getPullRequest',
      'GET /repos/{owner}/{repo}/pulls/{index}.{diffType}': 'repos.pulls.downloadPullDiffOrPatch',
    });
  });

  it("follows Google's dotted operationIds when the spec uses them throughout, without the service", async () => {
    const { names } = await namesOf({
      '/v1/{+parent}/environments': {
        get: { operationId: 'composer.projects.locations.environments.list' },
        post: { operationId: 'composer.projects.locations.environments.create' },
      },
      '/v1/{+environment}:checkUpgrade': {
        post: { operationId: 'composer.projects.locations.environments.checkUpgrade' },
      },
    });
    expect(names).toEqual({
      'GET /v1/{+parent}/environments': 'projects.locations.environments.list',
      'POST /v1/{+parent}/environments': 'projects.locations.environments.create',
      'POST /v1/{+environment}:checkUpgrade': 'projects.locations.environments.checkUpgrade',
    });
  });

  it("follows Azure's Group_Operation ids (AutoRest's operation groups) when most ids have that form", async () => {
    const disks =
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/disks';
    const { names } = await namesOf({
      '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/disks': {
        get: { operationId: 'Disks_List' },
      },
      [disks]: { get: { operationId: 'Disks_ListByResourceGroup' } },
      [`${disks}/{diskName}`]: {
        get: { operationId: 'Disks_Get' },
        put: { operationId: 'Disks_CreateOrUpdate' },
      },
      [`${disks}/{diskName}/beginGetAccess`]: { post: { operationId: 'Disks_GrantAccess' } },
      '/reports/created': { get: { operationId: 'ReportingController_ByCreatedDate' } },
      // An id in no such form keeps the name inferred from its path.
      '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/checkNameAvailability': {
        post: { operationId: 'CheckNameAvailability' },
      },
    });
    expect(names).toEqual({
      'GET /subscriptions/{subscriptionId}/providers/Microsoft.Compute/disks': 'disks.list',
      [`GET ${disks}`]: 'disks.listByResourceGroup',
      [`GET ${disks}/{diskName}`]: 'disks.get',
      [`PUT ${disks}/{diskName}`]: 'disks.createOrUpdate',
      [`POST ${disks}/{diskName}/beginGetAccess`]: 'disks.grantAccess',
      'GET /reports/created': 'reporting.byCreatedDate',
      'POST /subscriptions/{subscriptionId}/providers/Microsoft.Compute/checkNameAvailability':
        'subscriptions.providers.microsoftCompute.checkNameAvailability',
    });
  });

  it('infers the names of Group_Action ids that give each operation a group of its own (shinobi, aviationdata)', async () => {
    const { names } = await namesOf({
      '/AddActor': { post: { operationId: 'AddActor_AddActor' } },
      '/Awards/ByYear/{Year}': { get: { operationId: 'Awards_Get', ...answering(strings) } },
      '/v1/airport/iata/{airport_iata}': { get: { operationId: 'AirportIATA_AirportIATASearch' } },
      '/v1/country_list': { get: { operationId: 'CountryList_CountryAirportList' } },
    });
    expect(names).toEqual({
      'POST /AddActor': 'api.addActor',
      'GET /Awards/ByYear/{Year}': 'awards.byYear.list',
      'GET /v1/airport/iata/{airport_iata}': 'airport.iata.retrieve',
      'GET /v1/country_list': 'countryList.retrieve',
    });
    // As before: three groups of one are still groups (Azure's small specs), and so is a group of two among groups
    // of one.
    const three = await namesOf({
      '/baselines': { get: { operationId: 'Baselines_List' } },
      '/metrics': { get: { operationId: 'Metrics_List' } },
      '/migrate': { post: { operationId: 'EASubscriptionMigrate_Post' } },
    });
    expect(three.names).toEqual({
      'GET /baselines': 'baselines.list',
      'GET /metrics': 'metrics.list',
      'POST /migrate': 'eaSubscriptionMigrate.create',
    });
    const shared = await namesOf({
      '/AddActor': { post: { operationId: 'Actors_Add' } },
      '/Actors/Search/{q}': { get: { operationId: 'Actors_Search' } },
      '/Awards/ByYear/{Year}': { get: { operationId: 'Awards_Get', ...answering(strings) } },
      '/v1/airport/iata/{airport_iata}': { get: { operationId: 'AirportIATA_AirportIATASearch' } },
    });
    expect(shared.names).toEqual({
      'POST /AddActor': 'actors.add',
      'GET /Actors/Search/{q}': 'actors.search',
      'GET /Awards/ByYear/{Year}': 'awards.get',
      'GET /v1/airport/iata/{airport_iata}': 'airportIata.airportIataSearch',
    });
  });

  it("infers the call of a Group_Action id whose action is another HTTP method's name (clickmeter)", async () => {
    const { names } = await namesOf({
      '/conversions': {
        get: { operationId: 'Conversions_Get', ...answering(strings) },
        post: { operationId: 'Conversions_Put' },
      },
      '/conversions/{conversionId}': {
        post: { operationId: 'Conversions_Post' },
        delete: { operationId: 'Conversions_Delete' },
      },
      '/domains': { post: { operationId: 'Domains_Put' } },
      '/domains/{id}': { post: { operationId: 'Domains_Update' } },
      // As before: an action that is the operation's own method, and Azure's `Get` on a POST, which names the call.
      '/clients': { put: { operationId: 'Clients_Put' } },
      '/listAdminKeys': { post: { operationId: 'AdminKeys_Get' } },
    });
    expect(names).toEqual({
      'GET /conversions': 'conversions.get',
      'POST /conversions': 'conversions.create',
      'POST /conversions/{conversionId}': 'conversions.update',
      'DELETE /conversions/{conversionId}': 'conversions.delete',
      'POST /domains': 'domains.create',
      'POST /domains/{id}': 'domains.update',
      'PUT /clients': 'clients.update',
      'POST /listAdminKeys': 'adminKeys.get',
    });
  });

  it("reads Swashbuckle's Controller_Action ids without the parameter names after `By`, and infers an HTTP method (naviplan, Visma)", async () => {
    const body = {
      requestBody: {
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    };
    const { names } = await namesOf({
      '/api/Goals': {
        get: {
          operationId: 'Goals_GetByPlanid',
          parameters: [{ name: 'planId', in: 'query', schema: { type: 'string' } }],
          ...listResponse,
        },
        post: { operationId: 'Goals_Post', ...body },
      },
      '/api/Goals/{id}': {
        get: {
          operationId: 'Goals_GetByIdPlanid',
          parameters: [{ name: 'planId', in: 'query', schema: { type: 'string' } }],
        },
      },
      '/api/Goals/{id}/Calculations': {
        // Beside a parameter, one name that is none is the body's.
        post: { operationId: 'Goals_PostCalculationsByIdGoaladjustments', ...body },
      },
      '/api/Goals/{id}/Adjustments': {
        // `Model` alone names no parameter: the action keeps it.
        put: { operationId: 'Goals_ResetByModel', ...body },
      },
      '/api/Goals/Restrictions': {
        // `Group` and `Name` are no parameter's name (it is `groupName`): the action keeps them.
        get: {
          operationId: 'Goals_ListByGroupName',
          parameters: [{ name: 'groupName', in: 'query', schema: { type: 'string' } }],
        },
      },
    });
    const azure = await namesOf({
      '/locations/{location}/usages': {
        get: {
          operationId: 'Usages_ListByLocation',
          parameters: [
            { name: 'location', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'api-version', in: 'query', schema: { type: 'string' } },
          ],
        },
      },
      '/skus': { get: { operationId: 'Skus_List' } },
      '/pools/{poolId}': { patch: { operationId: 'Pool_Patch' } },
    });
    // Visma writes the names as they are, one after another: all of them go; a name left out keeps them all.
    const visma = await namesOf({
      '/salesorder/{orderType}/{orderNumber}/attachment': {
        post: { operationId: 'SalesOrder_CreateHeaderAttachmentByorderNumberorderType' },
      },
      '/salesorder/{orderType}/{orderNumber}/print': {
        get: { operationId: 'SalesOrder_PrintOrderByorderNumber' },
      },
      '/customer/{customerCd}': { get: { operationId: 'Customer_GetBycustomerCd' } },
      // The path's names alone, beside filters in the query.
      '/customer/{customerCd}/contact': {
        get: {
          operationId: 'Customer_GetAllContactsForCustomerBycustomerCd',
          parameters: [{ name: 'greaterThanValue', in: 'query', schema: { type: 'string' } }],
        },
      },
    });
    expect(visma.names).toEqual({
      'POST /salesorder/{orderType}/{orderNumber}/attachment': 'salesOrder.createHeaderAttachment',
      'GET /salesorder/{orderType}/{orderNumber}/print': 'salesOrder.printOrderByorderNumber',
      'GET /customer/{customerCd}': 'customer.retrieve',
      'GET /customer/{customerCd}/contact': 'customer.getAllContactsForCustomer',
    });
    // Azure's `ByLocation` names one parameter of two: the SDK's name, not Swashbuckle's; `patch` is the SDK's too.
    expect(azure.names['GET /locations/{location}/usages']).toBe('usages.listByLocation');
    expect(azure.names['PATCH /pools/{poolId}']).toBe('pool.patch');
    expect(names).toEqual({
      'GET /api/Goals': 'goals.list',
      'POST /api/Goals': 'goals.create',
      'GET /api/Goals/{id}': 'goals.retrieve',
      'POST /api/Goals/{id}/Calculations': 'goals.postCalculations',
      'PUT /api/Goals/{id}/Adjustments': 'goals.resetByModel',
      'GET /api/Goals/Restrictions': 'goals.listByGroupName',
    });
  });

  it("infers the call of an ASP.NET id that is its HTTP method and its group's noun (visma, agco, docusign)", async () => {
    const item = {
      get: { operationId: 'Activities_GetActivity' },
      patch: { operationId: 'Activities_PatchActivity' },
      delete: { operationId: 'Activities_DeleteActivity' },
    };
    const { names } = await namesOf({
      '/v1/activities': {
        get: { operationId: 'Activities_GetActivities', ...answering(strings) },
        post: { operationId: 'Activities_PostActivity' },
      },
      '/v1/activities/{guid}': item,
      // The noun may be the group's last words.
      '/v1/contactcommunications': {
        get: { operationId: 'ContactCommunications_GetCommunications', ...answering(strings) },
      },
      // As before: a path whose resource is not the group (the inferred call is the path's: `create` of a batch,
      // `salesStatusHistory` of a project), a GET whose id says a plural where inference finds no list, the words
      // after a `By`, and an action of other words.
      '/v1/definitions/batch': { post: { operationId: 'Definitions_PostDefinition' } },
      '/v1/projects/{guid}/salesstatushistory': {
        get: { operationId: 'SalesStatusHistory_GetSalesStatusHistory' },
      },
      '/v1/creditterms': {
        get: {
          operationId: 'CreditTerms_GetCreditTerms',
          ...answering({ type: 'object', properties: { total: { type: 'integer' } } }),
        },
      },
      '/v1/dealers': { get: { operationId: 'DealerByCountry_GetCountries' } },
      '/v1/activities/{guid}/exceptions': {
        delete: { operationId: 'Activities_DeleteExceptions' },
      },
    });
    expect(names).toEqual({
      'GET /v1/activities': 'activities.list',
      'POST /v1/activities': 'activities.create',
      'GET /v1/activities/{guid}': 'activities.retrieve',
      'PATCH /v1/activities/{guid}': 'activities.update',
      'DELETE /v1/activities/{guid}': 'activities.delete',
      'GET /v1/contactcommunications': 'contactCommunications.list',
      'POST /v1/definitions/batch': 'definitions.postDefinition',
      'GET /v1/projects/{guid}/salesstatushistory': 'salesStatusHistory.getSalesStatusHistory',
      'GET /v1/creditterms': 'creditTerms.getCreditTerms',
      'GET /v1/dealers': 'dealerByCountry.getCountries',
      'DELETE /v1/activities/{guid}/exceptions': 'activities.deleteExceptions',
    });
    // Where another takes the inferred name, the id's action, not the HTTP method its other words would leave.
    const clash = await namesOf({
      '/v1/projects/{guid}/forecasts': { delete: { operationId: 'Forecasts_DeleteForecasts' } },
      '/v1/forecasts/{guid}': { delete: { operationId: 'Forecasts_DeleteForecast' } },
    });
    expect(clash.names).toEqual({
      'DELETE /v1/projects/{guid}/forecasts': 'forecasts.deleteForecasts',
      'DELETE /v1/forecasts/{guid}': 'forecasts.delete',
    });
    // AutoRest's ids are its SDKs' names.
    const azure = await namesOf({
      '/providers/Microsoft.Web/topLevelDomains/{name}': {
        get: { operationId: 'TopLevelDomains_GetTopLevelDomain', 'x-ms-examples': {} },
      },
      '/providers/Microsoft.Web/topLevelDomains': {
        get: { operationId: 'TopLevelDomains_List', 'x-ms-examples': {} },
      },
    });
    expect(azure.names['GET /providers/Microsoft.Web/topLevelDomains/{name}']).toBe(
      'topLevelDomains.getTopLevelDomain',
    );
  });

  it('reads a one-word group as a group once most ids are Group_Operation, unless it is a verb (appcenter)', async () => {
    const { names } = await namesOf({
      '/v0.1/apps/{app}/crash_groups': { get: { operationId: 'crashGroups_list' } },
      '/v0.1/apps/{app}/crash_groups/{id}': { get: { operationId: 'crashGroups_get' } },
      '/v0.1/apps/{app}/crash_groups/{id}/crashes': { get: { operationId: 'crashes_list' } },
      '/v0.1/apps/{app}/errors': { get: { operationId: 'errorGroups_list' } },
      '/v0.1/apps/{app}/pets': { get: { operationId: 'list_pets' } },
    });
    expect(names).toEqual({
      'GET /v0.1/apps/{app}/crash_groups': 'crashGroups.list',
      'GET /v0.1/apps/{app}/crash_groups/{id}': 'crashGroups.get',
      'GET /v0.1/apps/{app}/crash_groups/{id}/crashes': 'crashes.list',
      'GET /v0.1/apps/{app}/errors': 'errorGroups.list',
      'GET /v0.1/apps/{app}/pets': 'apps.pets.list',
    });
  });

  it("calls an id with no group a call of the client in a spec written for AutoRest (Azure's), not in others", async () => {
    const paths = (pageable: object) => ({
      '/providers/Microsoft.Cdn/profiles': { get: { operationId: 'Profiles_List', ...pageable } },
      '/providers/Microsoft.Cdn/profiles/{name}': { get: { operationId: 'Profiles_Get' } },
      '/providers/Microsoft.Cdn/checkNameAvailability': {
        post: { operationId: 'CheckNameAvailability' },
      },
    });
    const azure = await namesOf(paths({ 'x-ms-pageable': { nextLinkName: 'nextLink' } }));
    expect(azure.names['POST /providers/Microsoft.Cdn/checkNameAvailability']).toBe(
      'api.checkNameAvailability',
    );
    expect(azure.names['GET /providers/Microsoft.Cdn/profiles']).toBe('profiles.list');
    // Without AutoRest's extensions (ASP.NET's, visma's), the path names it, as before.
    const other = await namesOf(paths({}));
    expect(other.names['POST /providers/Microsoft.Cdn/checkNameAvailability']).toBe(
      'providers.microsoftCdn.checkNameAvailability',
    );
  });

  it('reads no grouping from snake_case ids or from an HTTP method before the underscore', async () => {
    const snake = await namesOf({
      '/pets': { get: { operationId: 'list_pets' }, post: { operationId: 'create_pet' } },
    });
    expect(snake.names).toEqual({ 'GET /pets': 'pets.list', 'POST /pets': 'pets.create' });
    const aws = await namesOf({
      '/#Action=AssumeRole': {
        get: { operationId: 'GET_AssumeRole' },
        post: { operationId: 'POST_AssumeRole' },
      },
    });
    expect(aws.names).toEqual({
      'GET /#Action=AssumeRole': 'api.retrieve',
      'POST /#Action=AssumeRole': 'api.create',
    });
  });

  it("makes a path that is one verb phrase an action of the API (an RPC API's PUT /CreateComponent)", async () => {
    const { names } = await namesOf({
      '/CreateComponent': { put: { operationId: 'CreateComponent' } },
      '/disable-user': { post: {} },
      '/get_users_for_topic': { get: {} },
      // One word may as well be a resource.
      '/login': { post: {} },
      '/search': { get: {} },
    });
    expect(names).toEqual({
      'PUT /CreateComponent': 'api.createComponent',
      'POST /disable-user': 'api.disableUser',
      'GET /get_users_for_topic': 'api.getUsersForTopic',
      'POST /login': 'login.create',
      'GET /search': 'search.list',
    });
  });

  it('makes a verb phrase that ends in a plural an action when its verb never names a thing (clubhouse)', async () => {
    const { names } = await namesOf({
      '/get_channels': { get: {} },
      '/search_clubs': { post: {} },
      '/recipes/findByIngredients': { get: { operationId: 'searchRecipesByIngredients' } },
      // Verbs that also name things keep their plurals collections.
      '/check_runs': { get: {} },
      '/add_ons': { get: {} },
      '/accounts/{id}/login_links': { post: {} },
      '/lookup_tables': { get: {} },
    });
    expect(names).toEqual({
      'GET /get_channels': 'api.getChannels',
      'POST /search_clubs': 'api.searchClubs',
      'GET /recipes/findByIngredients': 'recipes.findByIngredients',
      'GET /check_runs': 'checkRuns.list',
      'GET /add_ons': 'addOns.list',
      'POST /accounts/{id}/login_links': 'accounts.loginLinks.create',
      'GET /lookup_tables': 'lookupTables.list',
    });
  });

  it('lists with a GET on an item path that answers an array, unless the collection has a GET or another item path lists (trakt)', async () => {
    const arrayOf = (example: unknown) => ({
      responses: {
        '200': { description: 'OK', content: { 'application/json': { example } } },
      },
    });
    const array = answering(strings);
    const { names } = await namesOf(
      {
        // The last parameter picks an order, not an item; trakt's responses are examples only.
        '/movies/{id}/comments/{sort}': { get: arrayOf([{ comment: 'x' }]) },
        // An `examples` entry, through a $ref, counts as an example.
        '/shows/{id}/comments/{sort}': {
          get: {
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': { examples: { one: { $ref: '#/components/examples/list' } } },
                },
              },
            },
          },
        },
        '/games/{date}': { get: array },
        // An object example, or a schema, says more than nothing: one thing.
        '/movies/{id}/ratings/{kind}': { get: arrayOf({ rating: 1 }) },
        // The collection has a GET of its own: this one reads an item (that answers an array).
        '/seasons': { get: array },
        '/seasons/{n}': { get: array },
        // Two item paths there answer lists (id4i): neither is the list; one answering an object may be.
        '/history/{id}': { get: array },
        '/history/{id}/{org}': { get: array },
        '/builds/{user}/{project}': { get: array },
        '/builds/{user}/{project}/{number}': { get: {} },
        // An example `$ref` that leads nowhere is no problem (examples are read for naming only).
        '/episodes/{id}': {
          get: {
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': { examples: { one: { $ref: '#/components/examples/gone' } } },
                },
              },
            },
          },
        },
      },
      { components: { examples: { list: { value: [1, 2] } } } },
    );
    expect(names).toEqual({
      'GET /movies/{id}/comments/{sort}': 'movies.comments.list',
      'GET /shows/{id}/comments/{sort}': 'shows.comments.list',
      'GET /games/{date}': 'games.list',
      'GET /movies/{id}/ratings/{kind}': 'movies.ratings.retrieve',
      'GET /seasons': 'seasons.list',
      'GET /seasons/{n}': 'seasons.retrieve',
      'GET /history/{id}': 'history.getById',
      'GET /history/{id}/{org}': 'history.getByIdAndOrg',
      'GET /builds/{user}/{project}': 'builds.list',
      'GET /builds/{user}/{project}/{number}': 'builds.retrieve',
      'GET /episodes/{id}': 'episodes.retrieve',
    });
  });

  it("reads a parameter that is no id, with items keyed by ids below it, as a collection (zuora's custom objects)", async () => {
    const record = { type: 'object', properties: { id: { type: 'string' } } };
    const page = answering({
      type: 'object',
      properties: { count: { type: 'integer' }, records: { type: 'array', items: record } },
    });
    const one = answering(record);
    const { names } = await namesOf({
      '/objects/records/default/{object}': {
        get: { operationId: 'GET_AllRecordsForCustomObjectType', ...page },
        post: { operationId: 'POST_CustomObjectRecords' },
      },
      '/objects/records/default/{object}/{id}': {
        get: { operationId: 'GET_CustomObjectRecordByID', ...one },
        delete: { operationId: 'Delete_CustomObjectRecordByID' },
      },
      '/labels/{resourceType}': { get: page },
      '/labels/{resourceType}/{resourceId}': { get: one },
      // An id over an id is an item and its part (here.com's shipment and its segment): both read one thing.
      '/shipments/{shipmentId}': { get: page, post: {} },
      '/shipments/{shipmentId}/{segmentId}': { get: one },
      // So is a parameter over one that is no id (storecove's invoice in a packaging).
      '/invoices/{invoice}': { get: page },
      '/invoices/{invoice}/{packaging}': { get: one },
      // A GET whose answer has arrays but no page of items reads one thing (dracoon's upload share and its files); a
      // POST whose id updates updates (frankie's batch of check results).
      '/uploads/{access_key}': {
        get: answering({ type: 'object', properties: { files: { type: 'array', items: record } } }),
      },
      '/uploads/{access_key}/{upload_id}': { get: one },
      '/checks/{checkClass}': { post: { operationId: 'UpdateCheckClassResults' } },
      '/checks/{checkClass}/{checkClassId}': { post: { operationId: 'UpdateCheckClassResult' } },
      // Below a place that lists, the parameter is one of its items (tcgdex's set, and a card of the set).
      '/sets': { get: page },
      '/sets/{set}': { get: page },
      '/sets/{set}/{cardId}': { get: one },
      // An item path that answers a list is the list there (as the rule above for a trailing parameter says).
      '/feeds/{kind}': { get: page },
      '/feeds/{kind}/{feedId}': { get: answering(strings) },
    });
    expect(names).toEqual({
      'GET /objects/records/default/{object}': 'objects.records.default.list',
      'POST /objects/records/default/{object}': 'objects.records.default.create',
      'GET /objects/records/default/{object}/{id}': 'objects.records.default.retrieve',
      'DELETE /objects/records/default/{object}/{id}': 'objects.records.default.delete',
      'GET /labels/{resourceType}': 'labels.list',
      'GET /labels/{resourceType}/{resourceId}': 'labels.retrieve',
      'GET /shipments/{shipmentId}': 'shipments.getByShipmentId',
      'POST /shipments/{shipmentId}': 'shipments.update',
      'GET /shipments/{shipmentId}/{segmentId}': 'shipments.getByShipmentIdAndSegmentId',
      'GET /invoices/{invoice}': 'invoices.getByInvoice',
      'GET /invoices/{invoice}/{packaging}': 'invoices.getByInvoiceAndPackaging',
      'GET /uploads/{access_key}': 'uploads.getByAccessKey',
      'GET /uploads/{access_key}/{upload_id}': 'uploads.getByAccessKeyAndUploadId',
      'POST /checks/{checkClass}': 'checks.updateClassResults',
      'POST /checks/{checkClass}/{checkClassId}': 'checks.updateClassResult',
      'GET /sets': 'sets.list',
      'GET /sets/{set}': 'sets.retrieve',
      'GET /sets/{set}/{cardId}': 'sets.getBySetAndCardId',
      'GET /feeds/{kind}': 'feeds.retrieve',
      'GET /feeds/{kind}/{feedId}': 'feeds.list',
    });
  });

  it("reads a `<noun>By<key>` segment beside a `<noun>` resource as that resource read by the key (sportsdata's GamesByDate)", async () => {
    const array = answering(strings);
    const { names } = await namesOf({
      '/{format}/Games/{season}': { get: array },
      '/{format}/GamesByDate/{date}': { get: array },
      '/{format}/News': { get: array },
      '/{format}/NewsByPlayerID/{playerid}': { get: array },
      '/{format}/news_by_team': { get: array },
      // No `Listings` beside it, or something else below it: the segment stays a resource.
      '/{format}/ListingsByDate/{date}': { get: array },
      '/{format}/Stats': { get: array },
      '/{format}/StatsByWeek/{week}': { get: array },
      '/{format}/StatsByWeek/{week}/teams': { get: array },
    });
    expect(names).toEqual({
      'GET /{format}/Games/{season}': 'games.list',
      'GET /{format}/GamesByDate/{date}': 'games.listByDate',
      'GET /{format}/News': 'news.list',
      'GET /{format}/NewsByPlayerID/{playerid}': 'news.listByPlayerId',
      'GET /{format}/news_by_team': 'news.listByTeam',
      'GET /{format}/ListingsByDate/{date}': 'listingsByDate.list',
      'GET /{format}/Stats': 'stats.list',
      'GET /{format}/StatsByWeek/{week}': 'statsByWeek.list',
      'GET /{format}/StatsByWeek/{week}/teams': 'statsByWeek.teams.list',
    });
  });

  it('lists a collection with a singular name when its items live below it', async () => {
    const { names } = await namesOf({
      '/es/domain': { get: listResponse },
      '/es/domain/{DomainName}': { get: {} },
    });
    expect(names).toEqual({
      'GET /es/domain': 'es.domain.list',
      'GET /es/domain/{DomainName}': 'es.domain.retrieve',
    });
  });

  it('makes a trailing action segment a method, and keeps sub-collections resources', async () => {
    const { names } = await namesOf({
      '/v1/payment_intents/{intent}': { get: {} },
      '/v1/payment_intents/{intent}/confirm': { post: {} },
      '/v1/payment_intents/{intent}/capture': { post: {} },
      '/v1/customers': { get: listResponse },
      '/v1/customers/search': { get: listResponse },
      '/v1/customers/{customer}/sources': { get: listResponse, post: {} },
      '/v1/uploads/{id}/parts': { post: {} },
      '/v1/invoices/create_preview': { post: {} },
      '/v1/accounts/{account}/login_links': { post: {} },
      '/v1/runs/{run}/submit_tool_outputs': { post: { operationId: 'submitToolOuputsToRun' } },
      '/v1/files/{id}/content': { get: {} },
      '/v1/audio/speech': { post: { operationId: 'createSpeech' } },
      '/v1/graders/run': { post: { operationId: 'runGrader' } },
    });
    expect(names).toEqual({
      'GET /v1/payment_intents/{intent}': 'paymentIntents.retrieve',
      'POST /v1/payment_intents/{intent}/confirm': 'paymentIntents.confirm',
      'POST /v1/payment_intents/{intent}/capture': 'paymentIntents.capture',
      'GET /v1/customers': 'customers.list',
      'GET /v1/customers/search': 'customers.search',
      'GET /v1/customers/{customer}/sources': 'customers.sources.list',
      'POST /v1/customers/{customer}/sources': 'customers.sources.create',
      // A plural is a collection: parts are created, not "parted".
      'POST /v1/uploads/{id}/parts': 'uploads.parts.create',
      'POST /v1/invoices/create_preview': 'invoices.createPreview',
      // A verb first, but a plural: a collection of links. A verb the operationId starts with: an action.
      'POST /v1/accounts/{account}/login_links': 'accounts.loginLinks.create',
      'POST /v1/runs/{run}/submit_tool_outputs': 'runs.submitToolOutputs',
      'GET /v1/files/{id}/content': 'files.content',
      // The operationId's noun is the segment: a resource; its verb is the segment: an action.
      'POST /v1/audio/speech': 'audio.speech.create',
      'POST /v1/graders/run': 'graders.run',
    });
  });

  it('makes a write below an `actions` segment a call, unless it posts to a plural no verb leads (hetzner, mailchimp)', async () => {
    const { names } = await namesOf({
      '/servers/{id}/actions': { get: listResponse },
      '/servers/{id}/actions/poweroff': { post: {} },
      '/servers/{id}/actions/request_console': { post: {} },
      '/automations/{id}/actions/pause-all-emails': { post: {} },
      '/v1/action/amend': { post: {} },
      // As before: a comment posted is a comment created (trello's), and a read is a read.
      '/cards/{id}/actions/comments': { post: {} },
      '/servers/{id}/actions/metrics': { get: {} },
    });
    expect(names).toEqual({
      'GET /servers/{id}/actions': 'servers.actions.list',
      'POST /servers/{id}/actions/poweroff': 'servers.actions.poweroff',
      'POST /servers/{id}/actions/request_console': 'servers.actions.requestConsole',
      'POST /automations/{id}/actions/pause-all-emails': 'automations.actions.pauseAllEmails',
      'POST /v1/action/amend': 'action.amend',
      'POST /cards/{id}/actions/comments': 'cards.actions.comments.create',
      'GET /servers/{id}/actions/metrics': 'servers.actions.metrics.list',
    });
  });

  it('makes a verb segment that only item parameters follow an action taking them (taggun, file downloads)', async () => {
    const { names } = await namesOf({
      '/campaign/settings/{campaignId}': { get: {} },
      '/campaign/settings/create/{campaignId}': { post: {} },
      '/campaign/settings/update/{campaignId}': { put: {} },
      '/campaign/settings/delete/{campaignId}': { delete: {} },
      '/files/download/{id}/{version}': { get: {} },
      // Something lives at the verb, below it, or beside the parameter: the segment stays a resource.
      '/resources/list': { get: listResponse },
      '/resources/list/{id}': { get: {} },
      '/reports/export/{id}': { get: {} },
      '/reports/export/{id}/status': { get: {} },
      '/tasks/run/{id}': { get: {} },
      '/tasks/run/all': { post: {} },
      '/users/{id}/settings/{key}': { get: {} },
      '/orders/exports/{id}': { get: {} },
      '/search/{query}': { get: {} },
      // A DELETE does what its method says (thesmsworks): it does not schedule.
      '/batches/schedule/{batchId}': { delete: {} },
      // A verb that undoes something may be a DELETE.
      '/subscriptions/cancel/{id}': { delete: {} },
      // A write may do what an operationId that is the segment's words says (AWS's PUT to start); a GET reads.
      '/osis/startPipeline/{PipelineName}': { put: { operationId: 'StartPipeline' } },
      '/osis/stopPipeline/{PipelineName}': { put: { operationId: 'stopPipelineCall' } },
      '/{format}/Schedule/{roundid}': { get: { operationId: 'Schedule' } },
      // A GET reads (zuora's refunds, wikimedia's new pages); the plain item's PUT is `update` already (snyk).
      '/object/refund-invoice-payment/{id}': { get: {} },
      '/metrics/pages/new/{project}': { get: {} },
      '/org/{orgId}/members/{userId}': { put: {} },
      '/org/{orgId}/members/update/{userId}': { put: {} },
      // A parameter named after the segment is one of its items (gitea, quicksight, mastodon).
      '/repos/{owner}/{repo}/archive/{archive}': { get: {} },
      '/topics/{TopicId}/refresh/{RefreshId}': { get: {} },
      '/timelines/list/{list_id}': { get: {} },
      // The plain item's GET is `retrieve`: a `list` verb beside it does not clash (discourse).
      '/admin/accounts/{id}': { get: {} },
      '/admin/accounts/list/{flag}': { get: {} },
    });
    expect(names).toEqual({
      'GET /campaign/settings/{campaignId}': 'campaign.settings.retrieve',
      'POST /campaign/settings/create/{campaignId}': 'campaign.settings.create',
      'PUT /campaign/settings/update/{campaignId}': 'campaign.settings.update',
      'DELETE /campaign/settings/delete/{campaignId}': 'campaign.settings.delete',
      'GET /files/download/{id}/{version}': 'files.download',
      'GET /resources/list': 'resources.list.list',
      'GET /resources/list/{id}': 'resources.list.retrieve',
      'GET /reports/export/{id}': 'reports.export.retrieve',
      'GET /reports/export/{id}/status': 'reports.export.status',
      'GET /tasks/run/{id}': 'tasks.run.retrieve',
      'POST /tasks/run/all': 'tasks.run.all.create',
      // No verb, a plural, or no parent: an item.
      'GET /users/{id}/settings/{key}': 'users.settings.retrieve',
      'GET /orders/exports/{id}': 'orders.exports.retrieve',
      'GET /search/{query}': 'search.retrieve',
      'DELETE /batches/schedule/{batchId}': 'batches.schedule.delete',
      'DELETE /subscriptions/cancel/{id}': 'subscriptions.cancel',
      'PUT /osis/startPipeline/{PipelineName}': 'osis.startPipeline',
      'PUT /osis/stopPipeline/{PipelineName}': 'osis.stopPipeline.update',
      'GET /{format}/Schedule/{roundid}': 'schedule.retrieve',
      'GET /object/refund-invoice-payment/{id}': 'object.refundInvoicePayment.retrieve',
      'GET /metrics/pages/new/{project}': 'metrics.pages.new.retrieve',
      'PUT /org/{orgId}/members/{userId}': 'org.members.update',
      'PUT /org/{orgId}/members/update/{userId}': 'org.members.update.update',
      'GET /repos/{owner}/{repo}/archive/{archive}': 'repos.archive.retrieve',
      'GET /topics/{TopicId}/refresh/{RefreshId}': 'topics.refresh.retrieve',
      'GET /timelines/list/{list_id}': 'timelines.list.retrieve',
      'GET /admin/accounts/{id}': 'admin.accounts.retrieve',
      'GET /admin/accounts/list/{flag}': 'admin.accounts.list',
    });
  });

  it("reads an operationId without springfox's suffix, which repeats the HTTP method", async () => {
    // PUT and PATCH on one item clash on `update`, and both fall back to their operationIds.
    const { names } = await namesOf({
      '/pets/{id}': {
        put: { operationId: 'replacePetUsingPUT' },
        patch: { operationId: 'patchPetUsingPATCH_1' },
      },
      '/stores/{id}': {
        put: { operationId: 'replaceStoreUsingPOST' },
        patch: { operationId: 'patchStore' },
      },
      // Two that would be one without the suffix keep it.
      '/genes/{id}': {
        put: { operationId: 'setGeneUsingPUT' },
        patch: { operationId: 'setGeneUsingPATCH' },
      },
    });
    expect(names).toEqual({
      'PUT /pets/{id}': 'pets.replace',
      'PATCH /pets/{id}': 'pets.patchPet1',
      // The suffix of another method than the operation's is part of its name.
      'PUT /stores/{id}': 'stores.replaceUsingPost',
      'PATCH /stores/{id}': 'stores.patch',
      'PUT /genes/{id}': 'genes.setUsingPut',
      'PATCH /genes/{id}': 'genes.setUsingPatch',
    });
  });

  it('tells an action from a resource by what else lives there', async () => {
    const { names } = await namesOf({
      '/jobs/{id}/cancel': { post: {}, get: {} },
    });
    // Two methods at `cancel`, one a POST: one call made two ways (`isSharedAction`), the POST's the call's name.
    expect(names).toEqual({
      'GET /jobs/{id}/cancel': 'jobs.getCancel',
      'POST /jobs/{id}/cancel': 'jobs.cancel',
    });
  });

  it('reads operationIds as evidence: namespaces and prefixes that repeat the resource are dropped', async () => {
    const { names } = await namesOf(
      {
        '/organization/usage/completions': { get: { operationId: 'usage-completions' } },
        '/organization/usage/images': { get: { operationId: 'usage-images' } },
        '/evals/{id}/runs/{run}': { post: { operationId: 'cancelEvalRun' }, get: {} },
        '/data_retention': { get: {}, post: { operationId: 'update-data-retention' } },
        '/users': { get: { operationId: 'users_list' } },
        '/pets': { get: { operationId: 'Pets.list', tags: ['Pets'] } },
      },
      { tags: [{ name: 'Pets' }] },
    );
    expect(names).toEqual({
      'GET /organization/usage/completions': 'organization.usage.completions',
      'GET /organization/usage/images': 'organization.usage.images',
      'GET /evals/{id}/runs/{run}': 'evals.runs.retrieve',
      'POST /evals/{id}/runs/{run}': 'evals.runs.cancel',
      'GET /data_retention': 'dataRetention.retrieve',
      'POST /data_retention': 'dataRetention.update',
      'GET /users': 'users.list',
      'GET /pets': 'pets.list',
    });
  });

  it('names operations that share an operationId as if they had none, in either order', async () => {
    // Alone, `cancelRun` would make each a `cancel` (the operationId's verb, as `cancelEvalRun` above).
    const shared = {
      '/runs/{run}': { post: { operationId: 'cancelRun' } },
      '/jobs/{job}': { post: { operationId: 'cancelRun' }, delete: { operationId: 'removeJob' } },
    };
    const without = await namesOf({
      '/runs/{run}': { post: {} },
      '/jobs/{job}': { post: {}, delete: { operationId: 'removeJob' } },
    });
    const forward = await namesOf(shared);
    const backward = await namesOf(Object.fromEntries(Object.entries(shared).reverse()));
    expect(forward.names).toEqual(without.names);
    expect(backward.names).toEqual(without.names);
    expect(Object.values(forward.names)).not.toContain('runs.cancel');
    expect(forward.diagnostics).toEqual([
      expect.stringMatching(
        /^warning duplicate-operation-id: operationId 'cancelRun' is already used/,
      ),
    ]);
    const alone = await namesOf({ '/runs/{run}': { post: { operationId: 'cancelRun' } } });
    expect(alone.names).toEqual({ 'POST /runs/{run}': 'runs.cancel' });
  });

  it('reads an operationId that is a key (hex digits, a UUID, a number) as none', async () => {
    // Azure API Management's exports (transavia, wmata, haloapi) give each operation an ObjectId.
    const { names } = await namesOf({
      '/': { get: { operationId: '58d8bcb7a9e6240e200cff24' } },
      '/{id}': { get: { operationId: '58d8bcb7a9e6240e200cff25' } },
      '/stops': { get: { operationId: '123e4567-e89b-12d3-a456-426614174000' } },
      '/stops/{id}': { get: { operationId: '42' }, post: { operationId: 'refreshStop' } },
    });
    expect(names).toEqual({
      // Without operationIds, the item keeps `retrieve` and the root falls back to its method.
      'GET /': 'api.get',
      'GET /{id}': 'api.retrieve',
      'GET /stops': 'stops.list',
      'GET /stops/{id}': 'stops.retrieve',
      'POST /stops/{id}': 'stops.refresh',
    });
  });

  it("names a variant of a path's operation after its #fragment phrase (Box's shared links)", async () => {
    const { names } = await namesOf({
      '/files/{file_id}': {
        get: { operationId: 'get_files_id' },
        delete: { operationId: 'delete_files_id' },
      },
      '/files/{file_id}#get_shared_link': { get: { operationId: 'get_files_id#get_shared_link' } },
      '/files/{file_id}#add_shared_link': { put: { operationId: 'put_files_id#add_shared_link' } },
      '/files/{file_id}#update_shared_link': {
        put: { operationId: 'put_files_id#update_shared_link' },
      },
      '/shared_items': { get: listResponse },
      '/shared_items#folders': { get: listResponse },
    });
    expect(names).toEqual({
      'GET /files/{file_id}': 'files.retrieve',
      'DELETE /files/{file_id}': 'files.delete',
      'GET /files/{file_id}#get_shared_link': 'files.getSharedLink',
      'PUT /files/{file_id}#add_shared_link': 'files.addSharedLink',
      'PUT /files/{file_id}#update_shared_link': 'files.updateSharedLink',
      'GET /shared_items': 'sharedItems.list',
      // No verb in the phrase: the method's name leads.
      'GET /shared_items#folders': 'sharedItems.listFolders',
    });
  });

  it('reads a GET of a plural collection whose response has no schema as a list', async () => {
    // orbit.love's responses carry examples only.
    const examplesOnly = {
      responses: {
        '200': { description: 'OK', content: { 'application/json': { example: { data: [] } } } },
      },
    };
    const { names } = await namesOf({
      '/members': { get: examplesOnly },
      '/members/{slug}': { get: examplesOnly },
      // Unless the operationId says the GET does not read: it clashes, and both take their operationIds.
      '/carts': { get: { ...examplesOnly, operationId: 'createANewCart' } },
      '/carts/{id}': { get: { ...examplesOnly, operationId: 'getCartById' } },
    });
    expect(names).toEqual({
      'GET /members': 'members.list',
      'GET /members/{slug}': 'members.retrieve',
      'GET /carts': 'carts.createANewCart',
      'GET /carts/{id}': 'carts.getById',
    });
  });

  it('reads a read verb on a plural collection as a list when its response holds the page (findCities)', async () => {
    const { names } = await namesOf({
      // geodb: `{ data: [...] }`; vestorly: the collection's own name.
      '/cities': {
        get: {
          operationId: 'findCities',
          ...answering({ type: 'object', properties: { data: strings } }),
        },
      },
      '/cities/{id}': { get: { operationId: 'findCityById' } },
      '/articles': {
        get: {
          operationId: 'findArticles',
          ...answering({ type: 'object', properties: { articles: strings } }),
        },
      },
      // jellyfin: a page whose list may be null.
      '/Artists': {
        get: {
          operationId: 'GetArtists',
          ...answering({
            type: 'object',
            properties: {
              Items: { ...strings, nullable: true },
              TotalRecordCount: { type: 'integer' },
            },
          }),
        },
      },
      // ebay: the id finds many, and the items live below.
      '/seller_standards_profile': {
        get: {
          operationId: 'findSellerStandardsProfiles',
          ...answering({ type: 'object', properties: { standardsProfiles: strings } }),
        },
      },
      '/seller_standards_profile/{program}/{cycle}': {
        get: { operationId: 'getSellerStandardsProfile' },
      },
      // A settings object that holds some nullable list reads one thing.
      '/settings': {
        get: {
          operationId: 'fetchSettings',
          ...answering({
            type: 'object',
            properties: { modelIds: { ...strings, nullable: true } },
          }),
        },
      },
    });
    expect(names).toEqual({
      'GET /cities': 'cities.list',
      'GET /cities/{id}': 'cities.retrieve',
      'GET /articles': 'articles.list',
      'GET /Artists': 'artists.list',
      'GET /seller_standards_profile': 'sellerStandardsProfile.list',
      'GET /seller_standards_profile/{program}/{cycle}': 'sellerStandardsProfile.retrieve',
      'GET /settings': 'settings.retrieve',
    });
  });

  it('reads an operationId that is its path and method as none (snake case, or camel or Pascal case with Id), and names a PATCH beside a PUT `edit`', async () => {
    const { names } = await namesOf({
      '/api/monitor': { get: { operationId: 'api_monitor_get', ...listResponse } },
      '/api/monitor/{id}': {
        get: { operationId: 'api_monitor_id_get' },
        put: { operationId: 'api_monitor_id_put' },
        patch: { operationId: 'api_monitor_id_patch' },
      },
      // Ids that say more keep their say, and the tie takes them.
      '/pets/{id}': { put: { operationId: 'replacePet' }, patch: { operationId: 'patchPet' } },
      // mailchimp's camel case, each parameter written `Id`; not Stripe's, which names it.
      '/lists/{list_id}/members/{subscriber_hash}': {
        put: { operationId: 'putListsIdMembersId' },
        patch: { operationId: 'patchListsIdMembersId' },
      },
      // InfluxDB's Pascal case, each parameter written `ID`.
      '/checks/{checkID}': {
        put: { operationId: 'PutChecksID' },
        patch: { operationId: 'PatchChecksID' },
      },
      '/customers/{customer}': {
        put: { operationId: 'PutCustomersCustomer' },
        patch: { operationId: 'patchCustomersCustomer' },
      },
    });
    expect(names).toEqual({
      'GET /api/monitor': 'monitor.list',
      'GET /api/monitor/{id}': 'monitor.retrieve',
      'PUT /api/monitor/{id}': 'monitor.update',
      'PATCH /api/monitor/{id}': 'monitor.edit',
      'PUT /pets/{id}': 'pets.replace',
      'PATCH /pets/{id}': 'pets.patch',
      'PUT /lists/{list_id}/members/{subscriber_hash}': 'lists.members.update',
      'PATCH /lists/{list_id}/members/{subscriber_hash}': 'lists.members.edit',
      'PUT /checks/{checkID}': 'checks.update',
      'PATCH /checks/{checkID}': 'checks.edit',
      'PUT /customers/{customer}': 'customers.put',
      'PATCH /customers/{customer}': 'customers.patch',
    });
  });

  it('a tie below its resource falls back to the path where the operationId only spells the method and path', async () => {
    const { names } = await namesOf({
      // Adyen's: the method, then the path with each parameter by its name.
      '/merchants/{merchantId}/splitConfigurations/{splitConfigurationId}': {
        post: { operationId: 'post-merchants-merchantId-splitConfigurations-splitConfigurationId' },
        patch: {
          operationId: 'patch-merchants-merchantId-splitConfigurations-splitConfigurationId',
        },
      },
      // box's: each parameter written `id`.
      '/files/{file_id}/metadata/{scope}/{template_key}': {
        get: { operationId: 'get_files_id_metadata_id_id' },
        put: { operationId: 'put_files_id_metadata_id_id' },
        post: { operationId: 'post_files_id_metadata_id_id' },
      },
      // On the resource's own path the id's words still tell the calls apart.
      '/clients/stats': { get: { operationId: 'GET_clients-stats' } },
      '/clients/{client_type}/stats': { get: { operationId: 'GET_clients-client_type-stats' } },
    });
    expect(names).toEqual({
      'POST /merchants/{merchantId}/splitConfigurations/{splitConfigurationId}':
        'merchants.splitConfigurations.postBySplitConfigurationId',
      'PATCH /merchants/{merchantId}/splitConfigurations/{splitConfigurationId}':
        'merchants.splitConfigurations.patchBySplitConfigurationId',
      'GET /files/{file_id}/metadata/{scope}/{template_key}': 'files.metadata.retrieve',
      'PUT /files/{file_id}/metadata/{scope}/{template_key}':
        'files.metadata.putByScopeAndTemplateKey',
      'POST /files/{file_id}/metadata/{scope}/{template_key}':
        'files.metadata.postByScopeAndTemplateKey',
      'GET /clients/stats': 'clients.stats.get',
      'GET /clients/{client_type}/stats': 'clients.stats.getTypeStats',
    });
  });

  it.each([
    [
      'patch-merchants-merchantId-splitConfigurations-splitConfigurationId',
      'PATCH',
      '/merchants/{merchantId}/splitConfigurations/{splitConfigurationId}',
      true,
    ],
    [
      'get_files_id_metadata_id_id',
      'GET',
      '/files/{file_id}/metadata/{scope}/{template_key}',
      true,
    ],
    ['get_alliances_alliance_id', 'GET', '/alliances/{alliance_id}/', true],
    ['PutCustomersCustomer', 'PUT', '/customers/{customer}', true],
    [
      'POST-videos-videoId-captions-language',
      'POST',
      '/videos/{videoId}/captions/{language}',
      true,
    ],
    // A word the path does not have, or another method, or the method last: not a restatement.
    [
      'updateSplitConfiguration',
      'PATCH',
      '/merchants/{merchantId}/splitConfigurations/{splitConfigurationId}',
      false,
    ],
    ['get_files_id_metadata', 'GET', '/files/{file_id}/metadata/{scope}/{template_key}', false],
    ['post_files_id', 'PUT', '/files/{file_id}', false],
    ['files_id_put', 'PUT', '/files/{file_id}', false],
  ])('restatesRoute(%j, %s %s) is %s', (id, method, route, expected) => {
    expect(restatesRoute(id, route, method.toLowerCase())).toBe(expected);
  });

  it("reads a page's list by its name, its place as the one array, or through a named array type", async () => {
    const { names } = await namesOf(
      {
        // appveyor: a settings object with incidental arrays reads one thing.
        '/projects/{id}/settings': {
          get: answering({ type: 'object', properties: { images: strings, clouds: strings } }),
        },
        // adyen: one array among many fields is a field of one object, not a page of the collection.
        '/stores/{id}/terminalSettings': {
          get: answering({ type: 'object', properties: { gratuities: strings, ...fields(9) } }),
          patch: {},
        },
        // listennotes: a page with many fields beside its array, which the collection's last word names.
        '/best_podcasts': {
          get: answering({ type: 'object', properties: { podcasts: strings, ...fields(9) } }),
        },
        // One array beside counts and links is the page.
        '/projects/{id}/builds': {
          get: answering({
            type: 'object',
            properties: { builds2: strings, total: { type: 'integer' }, _links: strings },
          }),
        },
        // openbankingproject: the page's list is a named array type.
        '/consents/{id}/authorisations': {
          get: answering({
            type: 'object',
            properties: {
              authorisationIds: { $ref: '#/components/schemas/AuthorisationsList' },
              total: { type: 'integer' },
            },
          }),
        },
        '/consents/{id}/authorisations/{authorisationId}': { get: answering({ type: 'object' }) },
      },
      { components: { schemas: { AuthorisationsList: strings } } },
    );
    expect(names).toEqual({
      'GET /projects/{id}/settings': 'projects.settings',
      'GET /stores/{id}/terminalSettings': 'stores.terminalSettings.retrieve',
      'PATCH /stores/{id}/terminalSettings': 'stores.terminalSettings.update',
      'GET /best_podcasts': 'bestPodcasts.list',
      'GET /projects/{id}/builds': 'projects.builds.list',
      'GET /consents/{id}/authorisations': 'consents.authorisations.list',
      'GET /consents/{id}/authorisations/{authorisationId}': 'consents.authorisations.retrieve',
    });
  });

  it('names operations whose paths differ only by a version after their operationIds (Kubernetes)', async () => {
    const { names } = await namesOf({
      // A group (two arrays) and a list of resources (one): `retrieve` and `list` would hide which is which.
      '/apis/apps/': {
        get: {
          operationId: 'getAppsAPIGroup',
          ...answering({ type: 'object', properties: { versions: strings, cidrs: strings } }),
        },
      },
      '/apis/apps/v1/': {
        get: {
          operationId: 'getAppsV1APIResources',
          ...answering({ type: 'object', properties: { resources: strings } }),
        },
      },
      '/apis/apps/v1/deployments': {
        get: { operationId: 'listAppsV1Deployment', ...listResponse },
      },
      // A trailing slash is no version.
      '/pets': { get: { operationId: 'listPets', ...listResponse } },
      '/pets/': { post: { operationId: 'createPet' } },
    });
    expect(names).toEqual({
      'GET /apis/apps/': 'apps.getApiGroup',
      'GET /apis/apps/v1/': 'apps.getV1ApiResources',
      'GET /apis/apps/v1/deployments': 'apps.deployments.list',
      'GET /pets': 'pets.list',
      'POST /pets/': 'pets.create',
    });
  });

  it('names a POST whose operationId lists as the GET would be named (bungie)', async () => {
    const { names } = await namesOf({
      '/forum/summaries': { post: { operationId: 'GetRecruitmentThreadSummaries' } },
      '/groups/recommended/{groupType}': { post: { operationId: 'GetRecommendedGroups' } },
      // One thing read by POST keeps its name: a token is made.
      '/token': { post: { operationId: 'getToken' } },
      '/users/{page}/search': { post: { operationId: 'SearchUsersByName' } },
      // A POST that makes something keeps its name.
      '/tokens': { post: { operationId: 'createToken' } },
      // Beside the GET, a search by body is named by its verb (amadeus).
      '/flight-offers': {
        get: { operationId: 'getFlightOffers', ...listResponse },
        post: { operationId: 'searchFlightOffers' },
      },
    });
    expect(names).toEqual({
      'GET /flight-offers': 'flightOffers.list',
      'POST /flight-offers': 'flightOffers.search',
      'POST /forum/summaries': 'forum.summaries.list',
      'POST /groups/recommended/{groupType}': 'groups.recommended.list',
      'POST /token': 'token.create',
      'POST /users/{page}/search': 'users.search',
      'POST /tokens': 'tokens.create',
    });
  });

  it('names a POST to a place a listing verb names a list, as its GET would be (workdocs, vrni, mastercard)', async () => {
    const { names } = await namesOf({
      // The id's verb is the segment's word, read as its prefix: `SearchResources` says `resources`.
      '/api/v1/search': { post: { operationId: 'SearchResources' } },
      '/query': { post: { operationId: 'PostQuery' } },
      // With a job keyed below it, a query is made; an id that creates says so; a plural is a collection.
      '/jobs/query': { post: {} },
      '/jobs/query/{id}': { get: {} },
      '/browse': { post: { operationId: 'createBrowse' } },
      '/searches': { post: {} },
      // Below a resource, a listing verb is an action, as before.
      '/customers/search': { post: {} },
      // A GET there lists whatever object holds its hits (Trello's `GET /search`), unless items are keyed below it.
      '/enumerate': {
        get: answering({ type: 'object', properties: { cards: strings, boards: strings } }),
      },
      '/catalog/browse': {
        get: answering({ type: 'object', properties: { status: { type: 'string' } } }),
      },
      '/catalog/browse/{id}': { get: {} },
      // Nor is \`list\`, as often a noun (Graph's SharePoint list).
      '/drives/{id}/list': {
        get: answering({ type: 'object', properties: { name: { type: 'string' } } }),
      },
      '/drives/{id}/list/items': { get: {} },
    });
    expect(names).toEqual({
      'POST /api/v1/search': 'search.list',
      'POST /query': 'query.list',
      'POST /jobs/query': 'jobs.query.create',
      'GET /jobs/query/{id}': 'jobs.query.retrieve',
      'POST /browse': 'browse.create',
      'POST /searches': 'searches.create',
      'POST /customers/search': 'customers.search',
      'GET /enumerate': 'enumerate.list',
      'GET /catalog/browse': 'catalog.browse.getBrowse',
      'GET /catalog/browse/{id}': 'catalog.browse.retrieve',
      'GET /drives/{id}/list': 'drives.list.retrieve',
      'GET /drives/{id}/list/items': 'drives.list.items.list',
    });
  });

  it("reads a spec of dotted RPC method names as their parts, the last a call (Slack's, musixmatch's)", async () => {
    const { names } = await namesOf({
      '/chat.postMessage': { post: {} },
      '/admin.apps.approve': { post: {} },
      '/conversations.list': { get: {} },
      '/album.tracks.get.json': { get: {} },
      '/status': { get: {} },
    });
    expect(names).toEqual({
      'POST /chat.postMessage': 'chat.postMessage',
      'POST /admin.apps.approve': 'admin.apps.approve',
      'GET /conversations.list': 'conversations.list',
      'GET /album.tracks.get.json': 'album.tracks.get',
      'GET /status': 'status.retrieve',
    });
    // Where few paths are (an API with one `/files/report.v2`), a dotted segment is a name as before.
    const few = await namesOf({
      '/files/report.v2': { get: {} },
      '/users': { get: {} },
      '/users/{id}': { get: {} },
    });
    expect(few.names['GET /files/report.v2']).toBe('files.reportV2');
  });

  it("reads Microsoft Graph's OData operations and casts by their own names, overloads by their parameters", async () => {
    const { names } = await namesOf({
      '/workbook/functions/microsoft.graph.image()': { get: {} },
      '/workbook/functions/microsoft.graph.image(width={width},height={height})': { get: {} },
      '/workbook/tables/$count': { get: {} },
      '/workbook/tables/microsoft.graph.count()': { get: {} },
      '/users/{id}/memberOf/microsoft.graph.group': { get: {} },
      '/users/microsoft.graph.delta()': { get: {} },
      // No OData: Slack's methods and a file name are dotted but never called with parentheses.
      '/admin.apps.approve': { post: {} },
      '/export/assets.cisco.csv': { get: {} },
    });
    expect(names).toEqual({
      'GET /workbook/functions/microsoft.graph.image()': 'workbook.functions.image',
      'GET /workbook/functions/microsoft.graph.image(width={width},height={height})':
        'workbook.functions.imageWithWidthWithHeight',
      'GET /workbook/tables/$count': 'workbook.tables.count',
      'GET /workbook/tables/microsoft.graph.count()':
        'workbook.tables.microsoftGraphCount.retrieve',
      'GET /users/{id}/memberOf/microsoft.graph.group': 'users.memberOf.group.retrieve',
      'GET /users/microsoft.graph.delta()': 'users.delta',
      'POST /admin.apps.approve': 'adminAppsApprove.create',
      'GET /export/assets.cisco.csv': 'export.assetsCisco.retrieve',
    });
  });

  it('says a mount the path names again after its version once (HubSpot)', async () => {
    const { names } = await namesOf({
      '/files/v3/files/{fileId}': { get: {} },
      '/files/v3/folders': { get: {} },
      '/crm/v3/objects/contacts': { get: {} },
    });
    expect(names).toEqual({
      'GET /files/v3/files/{fileId}': 'files.retrieve',
      'GET /files/v3/folders': 'files.folders.list',
      'GET /crm/v3/objects/contacts': 'crm.objects.contacts.list',
    });
  });

  it('reads verbs of transformation and choice as actions (peertube, victorops, resiliencehub)', async () => {
    const { names } = await namesOf({
      '/users/me/avatar/pick': { post: {} },
      '/incidents/resolve': { patch: {} },
      '/resolve-app-version-resources': { post: { operationId: 'ResolveAppVersionResources' } },
      '/text/translate': { post: {} },
      '/codes/decode': { post: {} },
    });
    expect(names).toEqual({
      'POST /users/me/avatar/pick': 'users.me.avatar.pick',
      'PATCH /incidents/resolve': 'incidents.resolve',
      'POST /resolve-app-version-resources': 'api.resolveAppVersionResources',
      'POST /text/translate': 'text.translate',
      'POST /codes/decode': 'codes.decode',
    });
  });

  it('reads more verbs in path segments, and a verb after bulk or batch (billingconductor, adyen, apacta)', async () => {
    const { names } = await namesOf({
      '/associate-accounts': { post: { operationId: 'AssociateAccounts' } },
      '/pins/reveal': { post: {} },
      // An action on an item keeps its name over the same on its collection.
      '/paymentInstruments/reveal': { post: {} },
      '/paymentInstruments/{id}/reveal': { get: {} },
      // An item is no action on its collection: where only its collection's DELETE has an id, neither wins (gitlab).
      '/todos': { delete: { operationId: 'deleteV3Todos' } },
      '/todos/{id}': { delete: {} },
      '/distribution/{Id}/promote-staging-config': { put: {} },
      '/contacts': { get: {} },
      '/contacts/bulkDelete': { delete: {} },
      '/users/bulkActivate': { post: {} },
      '/batch-get-token-balance': { post: {} },
      // Not in an operationId: AWS's UntagResource on its tags' item is their delete.
      '/tags/{resourceArn}': { delete: { operationId: 'UntagResource' } },
      // A batch of things is a collection.
      '/batches': { post: {} },
    });
    expect(names).toEqual({
      'POST /associate-accounts': 'api.associateAccounts',
      'POST /pins/reveal': 'pins.reveal',
      'POST /paymentInstruments/reveal': 'paymentInstruments.postReveal',
      'GET /paymentInstruments/{id}/reveal': 'paymentInstruments.reveal',
      'DELETE /todos': 'todos.deleteV3Todos',
      'DELETE /todos/{id}': 'todos.deleteById',
      'PUT /distribution/{Id}/promote-staging-config': 'distribution.promoteStagingConfig',
      'GET /contacts': 'contacts.list',
      'DELETE /contacts/bulkDelete': 'contacts.bulkDelete',
      'POST /users/bulkActivate': 'users.bulkActivate',
      'POST /batch-get-token-balance': 'api.batchGetTokenBalance',
      'DELETE /tags/{resourceArn}': 'tags.delete',
      'POST /batches': 'batches.create',
    });
  });

  it('reads exchange and precheck as verbs only where they are the whole segment (plaid, noosh, rubrik)', async () => {
    const { names } = await namesOf({
      '/item/public_token/exchange': { post: {} },
      '/income/verification/precheck': { post: {} },
      '/sandbox/transfer/fire_webhook': { post: {} },
      '/sandbox/transfer/test_clock/advance': { post: {} },
      '/me/player/play': { put: {} },
      '/forget_wifi': { post: {} },
      '/CommitTransaction': { post: {} },
      '/campaigns/{campaign_id}/actions/unschedule': { post: {} },
      // Nouns where more words follow: an exchange rate, a precheck's status.
      '/workgroups/{workgroup_id}/exchangeRate': { get: {}, post: {} },
      '/cluster/{id}/upgrade/precheck_status': { get: {}, post: {} },
    });
    expect(names).toEqual({
      'POST /item/public_token/exchange': 'item.publicToken.exchange',
      'POST /income/verification/precheck': 'income.verification.precheck',
      'POST /sandbox/transfer/fire_webhook': 'sandbox.transfer.fireWebhook',
      'POST /sandbox/transfer/test_clock/advance': 'sandbox.transfer.testClock.advance',
      'PUT /me/player/play': 'me.player.play',
      'POST /forget_wifi': 'api.forgetWifi',
      'POST /CommitTransaction': 'api.commitTransaction',
      'POST /campaigns/{campaign_id}/actions/unschedule': 'campaigns.actions.unschedule',
      'GET /workgroups/{workgroup_id}/exchangeRate': 'workgroups.exchangeRate.retrieve',
      'POST /workgroups/{workgroup_id}/exchangeRate': 'workgroups.exchangeRate.create',
      'GET /cluster/{id}/upgrade/precheck_status': 'cluster.upgrade.precheckStatus.retrieve',
      'POST /cluster/{id}/upgrade/precheck_status': 'cluster.upgrade.precheckStatus.create',
    });
  });

  it('names an item GET whose operationId says list as a list, when no item path there answers one (AWS)', async () => {
    const tagMap = {
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { tags: { type: 'object', additionalProperties: { type: 'string' } } },
              },
            },
          },
        },
      },
    };
    const { names } = await namesOf({
      '/tags/{resourceArn}': {
        get: { operationId: 'ListTagsForResource', ...tagMap },
        post: { operationId: 'TagResource' },
      },
      // An id that says `get` reads one thing, whatever it answers.
      '/policies/{arn}': { get: { operationId: 'GetPolicy', ...tagMap } },
    });
    expect(names['GET /tags/{resourceArn}']).toBe('tags.list');
    expect(names['GET /policies/{arn}']).toBe('policies.retrieve');
  });

  it('names a DELETE on an item by the undoing verb its operationId says (jellyfin, AWS)', async () => {
    const { names } = await namesOf({
      '/v1/subscriptions/{id}': { get: {}, delete: { operationId: 'cancelSubscription' } },
      '/Auth/Keys/{key}': { delete: { operationId: 'RevokeKey' } },
      '/experiments/{id}': { get: {}, delete: { operationId: 'StopExperiment' } },
      '/subscriptions/nodes/{nodeId}': { delete: { operationId: 'unsubscribeNode' } },
      // A verb that removes (`remove`, OpenAI's `unassign`, `delete` in openai-node) or one that neither undoes nor
      // ends is `delete` as before.
      '/pets/{id}': { delete: { operationId: 'removePet' } },
      '/users/{user}/roles/{role}': { delete: { operationId: 'unassign-user-role' } },
      '/carts/{id}': { delete: { operationId: 'checkoutCart' } },
    });
    expect(names).toEqual({
      'GET /v1/subscriptions/{id}': 'subscriptions.retrieve',
      'DELETE /v1/subscriptions/{id}': 'subscriptions.cancel',
      'DELETE /Auth/Keys/{key}': 'auth.keys.revoke',
      'GET /experiments/{id}': 'experiments.retrieve',
      'DELETE /experiments/{id}': 'experiments.stop',
      'DELETE /subscriptions/nodes/{nodeId}': 'subscriptions.nodes.unsubscribe',
      'DELETE /pets/{id}': 'pets.delete',
      'DELETE /users/{user}/roles/{role}': 'users.roles.delete',
      'DELETE /carts/{id}': 'carts.delete',
    });
  });

  it('reads a lower-case segment as the words its operationIds spell it with (AWS, fire.com, lyft)', async () => {
    const { names } = await namesOf({
      '/restapis': { get: { operationId: 'GetRestApis' } },
      '/restapis/{restapi_id}': { get: { operationId: 'GetRestApi' } },
      '/restapis/{restapi_id}/deployments': { get: { operationId: 'GetDeployments' } },
      // The singular's words cut the plural segment, whose last word keeps its plural.
      '/directdebits': { post: { operationId: 'createDirectDebit' }, get: {} },
      // Written whole more often than split: one word, as the ids have it.
      '/webhooks': { get: { operationId: 'listWebhooks' }, post: { operationId: 'createWebHook' } },
      '/webhooks/{id}': { delete: { operationId: 'deleteWebhook' } },
      // Words that join to a segment only elsewhere split nothing (`for ms`, under /platforms).
      '/platforms': { get: { operationId: 'getPlatformsForMs' } },
      '/forms': { get: {} },
    });
    expect(names).toEqual({
      'GET /restapis': 'restApis.list',
      'GET /restapis/{restapi_id}': 'restApis.retrieve',
      'GET /restapis/{restapi_id}/deployments': 'restApis.deployments.list',
      'POST /directdebits': 'directDebits.create',
      'GET /directdebits': 'directDebits.list',
      'GET /webhooks': 'webhooks.list',
      'POST /webhooks': 'webhooks.create',
      'DELETE /webhooks/{id}': 'webhooks.delete',
      'GET /platforms': 'platforms.list',
      'GET /forms': 'forms.list',
    });
  });

  it('names a PUT on a collection, or a POST on an item, that makes one `create` (rumble, AWS lex, jellyfin)', async () => {
    const { names } = await namesOf({
      '/account/keys': { put: { operationId: 'createKey' } },
      '/bots/{botId}/botversions/': { put: { operationId: 'CreateBotVersion' } },
      '/Sessions/{sessionId}/User/{userId}': { post: { operationId: 'AddUserToSession' } },
      // An upsert updates; a PUT that says nothing of making one updates, as before.
      '/settings/values': { put: { operationId: 'addOrUpdateValues' } },
      '/account/sites': { put: { operationId: 'updateSites' } },
    });
    expect(names).toEqual({
      'PUT /account/keys': 'account.keys.create',
      'PUT /bots/{botId}/botversions/': 'bots.botVersions.create',
      'POST /Sessions/{sessionId}/User/{userId}': 'sessions.user.create',
      'PUT /settings/values': 'settings.values.update',
      'PUT /account/sites': 'account.sites.update',
    });
  });

  it('names each method of a call several methods share (etherpad, sinao, zoomconnect, epa.gov)', async () => {
    const { names } = await namesOf({
      '/copyPad': { get: {}, post: {} },
      '/invoices/{id}/attach': {
        post: { operationId: 'attachInvoice' },
        delete: { operationId: 'detachInvoice' },
      },
      '/messages/{id}/markRead': { put: {}, post: {} },
      // Without an id, a DELETE undoes a one-word call by the verb that undoes it, where that is a known verb.
      '/application/deploy': { post: {}, delete: {} },
      '/devices/{id}/enable': { post: {}, delete: {} },
      '/reports/{id}/export': { post: {}, delete: {} },
      // A reading call's main method is its GET.
      '/services/get_download': { get: {}, post: {} },
      // Without a POST, a noun's reads and changes (Graph's) or a read and a revoke (WhatsApp's invite) are a
      // resource's, as before; so is a plural, and a word alone at the root.
      '/scripts/{id}/runSummary': { get: {}, patch: {}, delete: {} },
      '/groups/{id}/invite': { get: {}, delete: {} },
      '/search': { get: {}, post: {} },
    });
    expect(names).toEqual({
      'GET /copyPad': 'api.getCopyPad',
      'POST /copyPad': 'api.copyPad',
      'POST /invoices/{id}/attach': 'invoices.attach',
      'DELETE /invoices/{id}/attach': 'invoices.detach',
      'PUT /messages/{id}/markRead': 'messages.putMarkRead',
      'POST /application/deploy': 'application.deploy',
      'DELETE /application/deploy': 'application.undeploy',
      'POST /devices/{id}/enable': 'devices.enable',
      'DELETE /devices/{id}/enable': 'devices.disable',
      'POST /reports/{id}/export': 'reports.export',
      'DELETE /reports/{id}/export': 'reports.deleteExport',
      'POST /messages/{id}/markRead': 'messages.markRead',
      'GET /services/get_download': 'services.getDownload',
      'POST /services/get_download': 'services.postGetDownload',
      'GET /scripts/{id}/runSummary': 'scripts.runSummary.retrieve',
      'PATCH /scripts/{id}/runSummary': 'scripts.runSummary.update',
      'DELETE /scripts/{id}/runSummary': 'scripts.runSummary.delete',
      'GET /groups/{id}/invite': 'groups.invite.retrieve',
      'DELETE /groups/{id}/invite': 'groups.invite.delete',
      'GET /search': 'search.list',
      'POST /search': 'search.create',
    });
  });

  it("keeps a leading `apis` that is a collection of the API's (swaggerhub, Postman)", async () => {
    const { names } = await namesOf({
      '/apis/{owner}/{api}/{version}/comments': { get: {} },
      '/apis/{owner}/{api}/rename': { post: {} },
      '/domains/{owner}/{domain}': { get: {} },
    });
    expect(names).toEqual({
      'GET /apis/{owner}/{api}/{version}/comments': 'apis.comments.list',
      'POST /apis/{owner}/{api}/rename': 'apis.rename',
      'GET /domains/{owner}/{domain}': 'domains.retrieve',
    });
    // A mount stays a mount: `apis` with no parameter after it anywhere (Kubernetes' `/apis/apps/v1/…`).
    const mount = await namesOf({ '/apis/apps/v1/deployments': { get: {} } });
    expect(mount.names).toEqual({ 'GET /apis/apps/v1/deployments': 'apps.deployments.list' });
  });

  it('reads a trailing `all` as a list of its parent (zoomconnect), not where it has items (Graph)', async () => {
    const { names } = await namesOf({
      '/contacts/all': { get: {} },
      '/contacts/{id}': { get: {} },
      '/groups': { get: {} },
      '/groups/all': { get: {} },
      '/planner/all': { get: {} },
      '/planner/all/{id}': { get: {} },
    });
    expect(names).toEqual({
      'GET /contacts/all': 'contacts.list',
      'GET /contacts/{id}': 'contacts.retrieve',
      'GET /groups': 'groups.list',
      'GET /groups/all': 'groups.listAll',
      'GET /planner/all': 'planner.all.list',
      'GET /planner/all/{id}': 'planner.all.retrieve',
    });
  });

  it('reads a trailing `<plural> list` segment as a list of that plural (AWS iottwinmaker), not a singular (CKAN)', async () => {
    const { names } = await namesOf({
      '/workspaces/{workspaceId}/entities-list': { post: {} },
      '/workspaces/{workspaceId}/SyncJobsList': { get: {} },
      '/domains-list': { post: {} },
      '/action/organization_list': { get: {} },
      '/mealplanner/{username}/shopping-list': { get: {} },
    });
    expect(names).toEqual({
      'POST /workspaces/{workspaceId}/entities-list': 'workspaces.entities.list',
      'GET /workspaces/{workspaceId}/SyncJobsList': 'workspaces.syncJobs.list',
      'POST /domains-list': 'domains.list',
      'GET /action/organization_list': 'action.organizationList.retrieve',
      'GET /mealplanner/{username}/shopping-list': 'mealplanner.shoppingList',
    });
  });

  it('reads one word at the root as an action when the operationId leads with it (ebay, sinao)', async () => {
    const { names } = await namesOf({
      '/translate': { post: { operationId: 'translate' } },
      '/logout': { post: { operationId: 'logout' } },
      // Without the id, or for a CRUD word, a resource as before.
      '/login': { post: {} },
      '/search': { get: { operationId: 'search' } },
    });
    expect(names).toEqual({
      'POST /translate': 'api.translate',
      'POST /logout': 'api.logout',
      'POST /login': 'login.create',
      'GET /search': 'search.list',
    });
  });

  it('reads a verb at the root as an action of the API when the operationId is its word, before parameters too (qualpay)', async () => {
    const { names } = await namesOf({
      // A verb read in segments only (`tokenize`), named by an id that is the word.
      '/tokenize': { post: { operationId: 'Tokenize' } },
      '/capture/{pgIdOrig}': { post: { operationId: 'Capture' } },
      '/refund/{pgIdOrig}': { post: { operationId: 'Refund' } },
      // Without such an id, a resource's item as before.
      '/download/{id}': { get: {} },
      '/cancel/{id}': { post: { operationId: 'cancelOrder' } },
    });
    expect(names).toEqual({
      'POST /tokenize': 'api.tokenize',
      'POST /capture/{pgIdOrig}': 'api.capture',
      'POST /refund/{pgIdOrig}': 'api.refund',
      'GET /download/{id}': 'download.retrieve',
      'POST /cancel/{id}': 'cancel.update',
    });
  });

  it("lists at a singular collection whose operationId reads its plural, beside its item's GET (vercel)", async () => {
    const one = answering({ type: 'object', properties: { id: { type: 'string' } } });
    const { names } = await namesOf({
      '/v1/edge-config': { get: { operationId: 'getEdgeConfigs', ...one } },
      '/v1/edge-config/{edgeConfigId}': { get: { operationId: 'getEdgeConfig', ...one } },
      // Where the id says the singular, the two still tie, as before.
      '/v1/profile': { get: { operationId: 'getProfile', ...one } },
      '/v1/profile/{key}': { get: { operationId: 'getProfileKey', ...one } },
    });
    expect(names).toEqual({
      'GET /v1/edge-config': 'edgeConfig.list',
      'GET /v1/edge-config/{edgeConfigId}': 'edgeConfig.retrieve',
      'GET /v1/profile': 'profile.get',
      'GET /v1/profile/{key}': 'profile.getKey',
    });
  });

  it('names a call its fixed query names (flickr, OBS)', async () => {
    const { names } = await namesOf({
      '/rest?method=flickr.favorites.getList': { get: {} },
      '/rest?method=flickr.groups.pools.getPhotos': { get: {} },
      '/request/{id}?cmd=diff': { post: {} },
      // Any other fixed query is a variant of the path's call, as before.
      '/request?view=collection': { get: {} },
      '/request': { get: {} },
    });
    expect(names).toEqual({
      'GET /rest?method=flickr.favorites.getList': 'favorites.getList',
      'GET /rest?method=flickr.groups.pools.getPhotos': 'groups.pools.getPhotos',
      'POST /request/{id}?cmd=diff': 'request.diff',
      'GET /request?view=collection': 'request.listViewCollection',
      'GET /request': 'request.list',
    });
  });

  it("names AWS's query actions by the action, the GET twin keeping its method (APIs.guru's ids)", async () => {
    const { names } = await namesOf({
      '/#Action=AttachInstances': {
        get: { operationId: 'GET_AttachInstances' },
        post: { operationId: 'POST_AttachInstances' },
      },
      '/#Action=DetachInstances': {
        get: { operationId: 'GET_DetachInstances' },
        post: { operationId: 'POST_DetachInstances' },
      },
      // A GET with no POST twin is the action too.
      '/#Action=DescribeTags': { get: { operationId: 'GET_DescribeTags' } },
    });
    expect(names).toEqual({
      'GET /#Action=AttachInstances': 'api.getAttachInstances',
      'POST /#Action=AttachInstances': 'api.attachInstances',
      'GET /#Action=DetachInstances': 'api.getDetachInstances',
      'POST /#Action=DetachInstances': 'api.detachInstances',
      'GET /#Action=DescribeTags': 'api.describeTags',
    });
  });

  it('drops a method prefix written capitalized, as zuora writes it (`Patch_PartialUpdate…`)', async () => {
    // Beside a PUT, the PATCH falls back to its operationId: the prefix goes however the method is written.
    const { names } = await namesOf({
      '/objects/definitions/default/{object}': {
        put: { operationId: 'PUT_UpdateCustomObjectDefinition' },
        patch: { operationId: 'Patch_PartialUpdateCustomObjectDefinition' },
      },
      // Another method's prefix stays: it is part of the name.
      '/objects/jobs/{id}': {
        put: { operationId: 'PUT_UpdateCustomObjectBulkJob' },
        patch: { operationId: 'Delete_PartialUpdateCustomObjectBulkJob' },
      },
    });
    expect(names).toEqual({
      'PUT /objects/definitions/default/{object}':
        'objects.definitions.default.updateCustomObjectDefinition',
      'PATCH /objects/definitions/default/{object}':
        'objects.definitions.default.partialUpdateCustomObjectDefinition',
      'PUT /objects/jobs/{id}': 'objects.jobs.updateCustomObjectBulkJob',
      'PATCH /objects/jobs/{id}': 'objects.jobs.deletePartialUpdateCustomObjectBulkJob',
    });
  });

  it('reads verbs of machines and sessions as actions (tvmaze, wiremock, pendo, victorops, ticketmaster)', async () => {
    const { names } = await namesOf({
      '/auth/poll': { post: {} },
      '/__admin/shutdown': { post: {} },
      '/health-check/ping': { get: {} },
      '/incidents/ack': { patch: {} },
      '/discovery/v2/suggest': { get: {} },
      '/repositories/{repository}/reindex-source': { put: {} },
      // One word at the root may as well be a resource, as before.
      '/ping': { get: {} },
    });
    expect(names).toEqual({
      'POST /auth/poll': 'auth.poll',
      'POST /__admin/shutdown': 'admin.shutdown',
      'GET /health-check/ping': 'healthCheck.ping',
      'PATCH /incidents/ack': 'incidents.ack',
      'GET /discovery/v2/suggest': 'discovery.suggest',
      'PUT /repositories/{repository}/reindex-source': 'repositories.reindexSource',
      'GET /ping': 'ping.retrieve',
    });
  });

  it("names a noun posted on an item with its operationId's verb (AWS, netlify, xtrf), a noun read as the noun", async () => {
    const { names } = await namesOf({
      '/campaigns/{id}/name': { post: { operationId: 'UpdateCampaignName' } },
      '/campaigns/{id}/dialer-config': { post: { operationId: 'UpdateCampaignDialerConfig' } },
      '/builds/{build_id}/log': { post: { operationId: 'updateSiteBuildLog' } },
      '/invoices/{invoiceId}/status': { post: { operationId: 'setStatus' } },
      // As before: a noun read, an id that restates the method or ends elsewhere, no id, a verb segment.
      '/files/{id}/content': { get: { operationId: 'getFileContent' } },
      '/jobs/{id}/priority': { post: { operationId: 'postJobPriority' } },
      '/jobs/{id}/avatar': { post: { operationId: 'uploadImage' } },
      '/jobs/{id}/label': { post: {} },
      '/jobs/{id}/cancel': { post: { operationId: 'requestJobCancel' } },
    });
    expect(names).toEqual({
      'POST /campaigns/{id}/name': 'campaigns.updateName',
      'POST /campaigns/{id}/dialer-config': 'campaigns.updateDialerConfig',
      'POST /builds/{build_id}/log': 'builds.updateLog',
      'POST /invoices/{invoiceId}/status': 'invoices.setStatus',
      'GET /files/{id}/content': 'files.content',
      'POST /jobs/{id}/priority': 'jobs.priority',
      'POST /jobs/{id}/avatar': 'jobs.avatar',
      'POST /jobs/{id}/label': 'jobs.label',
      'POST /jobs/{id}/cancel': 'jobs.cancel',
    });
  });

  it('reads verify and validate before a plural, and deliver, ship and rescan, as calls (Stripe, mastodon, Fisheye)', async () => {
    const { names } = await namesOf({
      '/payment_intents/{intent}': { get: {} },
      '/payment_intents/{intent}/verify_microdeposits': { post: {} },
      '/accounts/verify_credentials': { get: {} },
      '/database/validate_parameters': { post: {} },
      '/cards/{card}/shipping/deliver': { post: {} },
      '/cards/{card}/shipping/ship': { post: {} },
      '/repositories/{repository}/rescan-metadata': { put: {} },
      // As before: a plural that a verb of another kind begins is a collection.
      '/checks/{id}/check_runs': { post: {} },
    });
    expect(names).toEqual({
      'GET /payment_intents/{intent}': 'paymentIntents.retrieve',
      'POST /payment_intents/{intent}/verify_microdeposits': 'paymentIntents.verifyMicrodeposits',
      'GET /accounts/verify_credentials': 'accounts.verifyCredentials',
      'POST /database/validate_parameters': 'database.validateParameters',
      'POST /cards/{card}/shipping/deliver': 'cards.shipping.deliver',
      'POST /cards/{card}/shipping/ship': 'cards.shipping.ship',
      'PUT /repositories/{repository}/rescan-metadata': 'repositories.rescanMetadata',
      'POST /checks/{id}/check_runs': 'checks.checkRuns.create',
    });
  });

  it('reads un and an action verb as the action undone, but not unread (circuit, magento, mist)', async () => {
    const { names } = await namesOf({
      '/conversations/moderate/{convId}': { post: {} },
      '/conversations/unmoderate/{convId}': { post: {} },
      '/carts/mine/balance/unapply': { post: {} },
      '/orgs/{org_id}/alarms/unack': { post: {} },
      // As before: unread messages are a list, and a CRUD verb undone is no call.
      '/messages/unread': { get: {} },
      '/journals/unpost': { post: {} },
    });
    expect(names).toEqual({
      'POST /conversations/moderate/{convId}': 'conversations.moderate',
      'POST /conversations/unmoderate/{convId}': 'conversations.unmoderate',
      'POST /carts/mine/balance/unapply': 'carts.mine.balance.unapply',
      'POST /orgs/{org_id}/alarms/unack': 'orgs.alarms.unack',
      'GET /messages/unread': 'messages.unread.retrieve',
      'POST /journals/unpost': 'journals.unpost.create',
    });
  });

  it('reads add and clear before a plural as calls, but not add-ons (airflow, keycloak, pdfblocks)', async () => {
    const { names } = await namesOf({
      '/dags/{dag_id}': { get: {} },
      '/dags/{dag_id}/clearTaskInstances': { post: {} },
      '/clients/{id}/protocol-mappers/add-models': { post: {} },
      '/v1/add_restrictions': { post: {} },
      // As before: add-ons are things.
      '/subscriptions/{id}/add_ons': { post: {} },
    });
    expect(names).toEqual({
      'GET /dags/{dag_id}': 'dags.retrieve',
      'POST /dags/{dag_id}/clearTaskInstances': 'dags.clearTaskInstances',
      'POST /clients/{id}/protocol-mappers/add-models': 'clients.protocolMappers.addModels',
      'POST /v1/add_restrictions': 'api.addRestrictions',
      'POST /subscriptions/{id}/add_ons': 'subscriptions.addOns.create',
    });
  });

  it('names a singular noun written or deleted alone on an item as a method of the item (Mux, Stripe, AWS)', async () => {
    const { names } = await namesOf({
      '/assets/{id}': { get: {} },
      '/assets/{id}/master-access': { put: {} },
      '/clusters/{arn}/security': { patch: {} },
      '/customers/{id}/discount': { delete: {} },
      '/cards/{id}/details': { get: answering({ type: 'object' }) },
      // As before: a list, a noun with more than one method or with more below it, a plural written, a noun that
      // also lives beside the item, a segment that begins with its verb, a noun right below a static segment.
      '/jobs/{id}/checkpoints': { get: answering(strings) },
      '/jobs/{id}/config': { get: {}, put: {} },
      '/jobs/{id}/owner': { put: {} },
      '/jobs/{id}/owner/history': { get: {} },
      '/jobs/{id}/labels': { put: {} },
      '/clients/stats': { get: answering({ type: 'object' }) },
      '/clients/{type}/stats': { get: answering({ type: 'object' }) },
      '/data/{collection}/updatestatus': { put: {} },
      '/settings/theme': { put: {} },
    });
    expect(names).toEqual({
      'GET /assets/{id}': 'assets.retrieve',
      'PUT /assets/{id}/master-access': 'assets.updateMasterAccess',
      'PATCH /clusters/{arn}/security': 'clusters.updateSecurity',
      'DELETE /customers/{id}/discount': 'customers.deleteDiscount',
      'GET /cards/{id}/details': 'cards.details',
      'GET /jobs/{id}/checkpoints': 'jobs.checkpoints.list',
      'GET /jobs/{id}/config': 'jobs.config.retrieve',
      'PUT /jobs/{id}/config': 'jobs.config.update',
      'PUT /jobs/{id}/owner': 'jobs.owner.update',
      'GET /jobs/{id}/owner/history': 'jobs.owner.history.retrieve',
      'PUT /jobs/{id}/labels': 'jobs.labels.update',
      'GET /clients/stats': 'clients.stats.getStats',
      'GET /clients/{type}/stats': 'clients.stats.retrieve',
      'PUT /data/{collection}/updatestatus': 'data.updatestatus.update',
      'PUT /settings/theme': 'settings.theme.update',
    });
  });

  it('lists by a parameter whose list has items keyed below it, beside a GET one parameter up (bitbucket, conjur)', async () => {
    const { names } = await namesOf({
      '/repositories': { get: answering(strings) },
      '/repositories/{workspace}': { get: answering(strings) },
      '/repositories/{workspace}/{repo_slug}': { get: {} },
      '/resources': { get: answering(strings) },
      '/resources/{account}': { get: answering(strings) },
      '/resources/{account}/{kind}': { get: answering(strings) },
      '/resources/{account}/{kind}/{identifier}': { get: {} },
      // As before: an object read (tcgdex's set), or an id (id4i's history).
      '/sets': { get: answering(strings) },
      '/sets/{set}': { get: {} },
      '/sets/{set}/{cardLocalId}': { get: {} },
      '/history': { get: answering(strings) },
      '/history/{id}': { get: answering(strings) },
      '/history/{id}/{org}': { get: answering(strings) },
    });
    expect(names).toEqual({
      'GET /repositories': 'repositories.list',
      'GET /repositories/{workspace}': 'repositories.listByWorkspace',
      'GET /repositories/{workspace}/{repo_slug}': 'repositories.retrieve',
      'GET /resources': 'resources.list',
      'GET /resources/{account}': 'resources.listByAccount',
      'GET /resources/{account}/{kind}': 'resources.listByKind',
      'GET /resources/{account}/{kind}/{identifier}': 'resources.retrieve',
      'GET /sets': 'sets.list',
      'GET /sets/{set}': 'sets.retrieve',
      'GET /sets/{set}/{cardLocalId}': 'sets.getBySetAndCardLocalId',
      'GET /history': 'history.list',
      'GET /history/{id}': 'history.retrieve',
      'GET /history/{id}/{org}': 'history.getByIdAndOrg',
    });
  });

  it('lists with an id that reads a plural on a parameter whose items are read below it (launchdarkly)', async () => {
    const page = {
      type: 'object',
      properties: { items: strings, totalCount: { type: 'integer' } },
    };
    const { names } = await namesOf({
      '/segments/{projectKey}/{environmentKey}': {
        get: { operationId: 'getUserSegments', ...answering(page) },
      },
      '/segments/{projectKey}/{environmentKey}/{userSegmentKey}': {
        get: { operationId: 'getUserSegment', ...answering(page) },
      },
      // As before: an id that reads one thing, a response with no list, or a GET one parameter up.
      '/statuses/{projectKey}/{environmentKey}': {
        get: { operationId: 'getFlagStatus', ...answering(page) },
      },
      '/statuses/{projectKey}/{environmentKey}/{flagKey}': { get: { operationId: 'getStatus' } },
      '/settings/{projectKey}/{environmentKey}': {
        get: { operationId: 'getSettings', ...answering({ type: 'object' }) },
      },
      '/settings/{projectKey}/{environmentKey}/{key}': { get: { operationId: 'getSetting' } },
      '/tokens/{projectKey}': { get: answering(strings) },
      '/tokens/{projectKey}/{environmentKey}': {
        get: { operationId: 'getTokens', ...answering(page) },
      },
      '/tokens/{projectKey}/{environmentKey}/{tokenKey}': { get: { operationId: 'getToken' } },
      // xtrf: one view's details, arrays of its parts and no page.
      '/views/for/{className}': {
        get: {
          operationId: 'getCurrentViewDetails',
          ...answering({ type: 'object', properties: { columns: strings, filters: strings } }),
        },
      },
      '/views/for/{className}/{viewId}': { get: { operationId: 'getViewDetails' } },
    });
    expect(names).toEqual({
      'GET /segments/{projectKey}/{environmentKey}': 'segments.list',
      'GET /segments/{projectKey}/{environmentKey}/{userSegmentKey}': 'segments.retrieve',
      'GET /statuses/{projectKey}/{environmentKey}': 'statuses.getFlagStatus',
      'GET /statuses/{projectKey}/{environmentKey}/{flagKey}': 'statuses.get',
      'GET /settings/{projectKey}/{environmentKey}': 'settings.get',
      'GET /settings/{projectKey}/{environmentKey}/{key}': 'settings.getSetting',
      'GET /tokens/{projectKey}': 'tokens.list',
      'GET /tokens/{projectKey}/{environmentKey}': 'tokens.retrieve',
      'GET /tokens/{projectKey}/{environmentKey}/{tokenKey}': 'tokens.get',
      'GET /views/for/{className}': 'views.for.getCurrentViewDetails',
      'GET /views/for/{className}/{viewId}': 'views.for.getDetails',
    });
  });

  it('creates with a POST on a parameter that scopes a list (launchdarkly, signl4, bitbucket)', async () => {
    const { names } = await namesOf({
      // launchdarkly: the id says `post`; the POST took `update` and tied with the items' PATCH.
      '/flags/{projectKey}': {
        get: answering(strings),
        post: { operationId: 'postFeatureFlag' },
      },
      '/flags/{projectKey}/{featureFlagKey}': {
        get: {},
        patch: { operationId: 'patchFeatureFlag' },
      },
      // signl4: no id, a parameter named as an id scopes the list as well.
      '/categories/{teamId}': { get: answering(strings), post: {} },
      '/categories/{teamId}/{categoryId}': { put: {} },
      // bitbucket: a POST one parameter up creates, so this one creates by its parameter, as its GET lists.
      '/snippets': { get: answering(strings), post: {} },
      '/snippets/{workspace}': { get: answering(strings), post: {} },
      '/snippets/{workspace}/{encoded_id}': { get: {}, put: {} },
      // As before: an id that says what else the POST does (opto22 writes a table's values), a GET that reads one
      // thing, or nothing keyed below.
      '/tables/floats/{tableName}': {
        get: answering(strings),
        post: { operationId: 'writeFloatTable' },
      },
      '/tables/floats/{tableName}/{index}': { get: {} },
      '/teams/{team}': { get: {}, post: {} },
      '/teams/{team}/{member}': { get: {} },
      '/queues/{queue}': { get: answering(strings), post: {} },
    });
    expect(names).toEqual({
      'GET /flags/{projectKey}': 'flags.list',
      'POST /flags/{projectKey}': 'flags.create',
      'GET /flags/{projectKey}/{featureFlagKey}': 'flags.retrieve',
      'PATCH /flags/{projectKey}/{featureFlagKey}': 'flags.update',
      'GET /categories/{teamId}': 'categories.list',
      'POST /categories/{teamId}': 'categories.create',
      'PUT /categories/{teamId}/{categoryId}': 'categories.update',
      'GET /snippets': 'snippets.list',
      'POST /snippets': 'snippets.create',
      'GET /snippets/{workspace}': 'snippets.listByWorkspace',
      'POST /snippets/{workspace}': 'snippets.createByWorkspace',
      'GET /snippets/{workspace}/{encoded_id}': 'snippets.retrieve',
      'PUT /snippets/{workspace}/{encoded_id}': 'snippets.update',
      'GET /tables/floats/{tableName}': 'tables.floats.list',
      'POST /tables/floats/{tableName}': 'tables.floats.update',
      'GET /tables/floats/{tableName}/{index}': 'tables.floats.retrieve',
      'GET /teams/{team}': 'teams.getByTeam',
      'POST /teams/{team}': 'teams.update',
      'GET /teams/{team}/{member}': 'teams.getByTeamAndMember',
      'GET /queues/{queue}': 'queues.list',
      'POST /queues/{queue}': 'queues.update',
    });
  });

  it('lists where the answer is one of a page and an array, or a page that may be null (soundcloud, unicourt)', async () => {
    const answers = (schema: unknown) => ({
      responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } },
    });
    const track = { type: 'object', properties: { id: { type: 'integer' } } };
    const page = { type: 'object', properties: { collection: { type: 'array', items: track } } };
    const settings = { type: 'object', properties: { theme: { type: 'string' } } };
    const { names } = await namesOf({
      '/tracks': { get: answers({ oneOf: [page, { type: 'array', items: track }] }) },
      '/tracks/{track_id}': { get: answers(track) },
      // A page that may be null (unicourt's) lists as the page does.
      '/case/{id}/judges': {
        get: answers({
          type: ['object', 'null'],
          properties: { judges: { type: 'array', items: track }, page: { type: 'integer' } },
        }),
      },
      // A union with no list in it reads one thing, as before.
      '/me/settings': { get: answers({ oneOf: [settings, track] }) },
    });
    expect(names).toEqual({
      'GET /tracks': 'tracks.list',
      'GET /tracks/{track_id}': 'tracks.retrieve',
      'GET /case/{id}/judges': 'case.judges.list',
      'GET /me/settings': 'me.settings.retrieve',
    });
  });

  it('lists on a plural whose items are read below it, whatever its answer shows (intellifi, clarify, walmart)', async () => {
    const answers = (schema: unknown) => ({
      responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } },
    });
    const spotSet = { type: 'object', properties: { id: { type: 'string' } } };
    const { names } = await namesOf({
      // The collection answers its item's type (a spec's slip): it lists, the item reads.
      '/spotsets': { get: answers(spotSet) },
      '/spotsets/{id}': { get: answers(spotSet) },
      '/v3/inventories': {
        get: { operationId: 'getMultiNodeInventoryForAllSku', ...answers(spotSet) },
      },
      '/v3/inventories/{sku}': {
        get: { operationId: 'getMultiNodeInventoryForSku', ...answers(spotSet) },
      },
      // An answer that shows nothing (`{ type: object }`) on a collection with items below lists too.
      '/bundle': { get: answers({ type: 'object' }) },
      '/bundle/{id}': { delete: {} },
      // Without items read below, a plural answering one object reads it, as before (a settings object), and so
      // does a place with no items answering `{ type: object }`.
      '/plugins/{name}/public-settings': { get: answers(spotSet) },
      '/reports/scores': { get: answers({ type: 'object' }) },
    });
    expect(names).toEqual({
      'GET /spotsets': 'spotsets.list',
      'GET /spotsets/{id}': 'spotsets.retrieve',
      'GET /v3/inventories': 'inventories.list',
      'GET /v3/inventories/{sku}': 'inventories.retrieve',
      'GET /bundle': 'bundle.list',
      'DELETE /bundle/{id}': 'bundle.delete',
      'GET /plugins/{name}/public-settings': 'plugins.publicSettings',
      'GET /reports/scores': 'reports.scores.retrieve',
    });
  });

  it('names a reading POST that answers one object, listing nothing, as a read (OpenAI)', async () => {
    const arrays = (...names: string[]) => ({
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: Object.fromEntries(
                  names.map((n) => [n, { type: 'array', items: { type: 'string' } }]),
                ),
              },
            },
          },
        },
      },
    });
    const one = {
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { object: { type: 'string' }, input_tokens: { type: 'integer' } },
              },
            },
          },
        },
      },
    };
    const { names } = await namesOf({
      '/responses/input_tokens': { post: { operationId: 'Getinputtokencounts', ...one } },
      '/groups/recommended/{groupType}': { post: { operationId: 'GetRecommendedGroups', ...one } },
      // An answer that holds the page lists, as does one holding the id's noun, or a list verb's.
      '/forum/summaries': {
        post: { operationId: 'GetRecruitmentThreadSummaries', ...listResponse },
      },
      '/parse': { post: { operationId: 'getMentions', ...arrays('mentions', 'tokens') } },
      '/onboard-search': { post: { operationId: 'searchVehicles', ...one } },
    });
    expect(names).toEqual({
      'POST /responses/input_tokens': 'responses.inputTokens.retrieve',
      'POST /groups/recommended/{groupType}': 'groups.recommended.retrieve',
      'POST /forum/summaries': 'forum.summaries.list',
      'POST /parse': 'parse.list',
      'POST /onboard-search': 'onboardSearch.list',
    });
  });

  it("splits Google's custom methods and a parameter's file extension off their segments", async () => {
    const { names } = await namesOf({
      '/v1/{parent}/messages:send': { post: { operationId: 'send' } },
      '/v1beta1/{resource}:setIamPolicy': { post: {} },
      '/v2/locations/tiles/{z}/{x}/{y}.pbf': { get: {} },
      // Beside the plain item, the file is the variant (callfire's recordings).
      '/recordings/{name}': { get: { operationId: 'getRecording' } },
      '/recordings/{name}.mp3': { get: { operationId: 'getRecordingMp3' } },
      // A custom method is a call whatever its words (playablelocations' plural `logImpressions` on the root).
      '/v3:logImpressions': { post: { operationId: 'playablelocations.logImpressions' } },
      '/v1/{name}/operations:sampleRows': { post: {} },
    });
    expect(names).toEqual({
      'GET /recordings/{name}': 'recordings.retrieve',
      'GET /recordings/{name}.mp3': 'recordings.getMp3',
      'POST /v1/{parent}/messages:send': 'messages.send',
      'POST /v1beta1/{resource}:setIamPolicy': 'api.setIamPolicy',
      'POST /v3:logImpressions': 'api.logImpressions',
      'POST /v1/{name}/operations:sampleRows': 'operations.sampleRows',
      'GET /v2/locations/tiles/{z}/{x}/{y}.pbf': 'locations.tiles.retrieve',
    });
  });

  it("reads a plural as a collection when the operationId calls a CRUD word on it (Apple's), as an action when it is the verb phrase (bungie's)", async () => {
    const { names } = await namesOf({
      '/v1/apps/{id}/builds': { get: { operationId: 'apps-builds-get_to_many_related' } },
      '/v1/apps/{id}/relationships/betaTesters': {
        delete: { operationId: 'apps-betaTesters-delete_to_many_relationship' },
      },
      // A verb that begins the id is still the action (`submitToolOutputsToRun`).
      '/v1/runs/{id}/submit_tool_outputs': { post: { operationId: 'submitToolOutputsToRun' } },
      '/v1/users/auth/notify': { post: {} },
      // A plural verb phrase is an action when the operationId is that phrase (bungie).
      '/GetAvailableLocales/': { get: { operationId: 'GetAvailableLocales' } },
      '/Content/SearchHelpArticles/{searchtext}/{size}/': {
        get: { operationId: 'Content.SearchHelpArticles' },
      },
      '/transfer-requests': { post: { operationId: 'createTransferRequest' } },
    });
    expect(names).toEqual({
      'GET /GetAvailableLocales/': 'api.getAvailableLocales',
      'GET /Content/SearchHelpArticles/{searchtext}/{size}/': 'content.searchHelpArticles',
      'POST /transfer-requests': 'transferRequests.create',
      'GET /v1/apps/{id}/builds': 'apps.builds.list',
      'DELETE /v1/apps/{id}/relationships/betaTesters': 'apps.relationships.betaTesters.delete',
      'POST /v1/runs/{id}/submit_tool_outputs': 'runs.submitToolOutputs',
      'POST /v1/users/auth/notify': 'users.auth.notify',
    });
  });

  it('reads a FastAPI operationId without the route it appends (read_item_items__item_id__get)', async () => {
    const { names } = await namesOf({
      '/items/{item_id}': {
        put: { operationId: 'replace_item_items__item_id__put' },
        post: { operationId: 'update_item_items__item_id__post' },
      },
    });
    // Both want `update`: the tie takes the functions' names.
    expect(names).toEqual({
      'PUT /items/{item_id}': 'items.replace',
      'POST /items/{item_id}': 'items.update',
    });
  });

  it('lets paths, not tags, decide the tree', async () => {
    const { names } = await namesOf({
      '/chat/completions': { post: { operationId: 'createChatCompletion', tags: ['Chat'] } },
      '/chat/completions/{id}': { get: { operationId: 'getChatCompletion', tags: ['Chat'] } },
    });
    expect(names).toEqual({
      'POST /chat/completions': 'chat.completions.create',
      'GET /chat/completions/{id}': 'chat.completions.retrieve',
    });
  });

  it('puts an item path whose collection lives elsewhere under that collection', async () => {
    const { names } = await namesOf({
      '/organization/projects': { get: listResponse },
      '/organization/projects/{project}': { get: {} },
      '/projects/{project}/roles': { get: listResponse },
    });
    expect(names['GET /projects/{project}/roles']).toBe('organization.projects.roles.list');
    // A run that only leads deeper is no home (paylocity's `weblinkstaging`).
    const deeper = await namesOf({
      '/staging/companies/{id}/employees/new': { post: {} },
      '/companies/{id}/employees': { get: listResponse },
    });
    expect(deeper.names['GET /companies/{id}/employees']).toBe('companies.employees.list');
  });

  it('follows namespaced operationIds when the spec uses them throughout (octokit style)', async () => {
    const { names, sources } = await namesOf({
      '/orgs/{org}/actions/runners/{id}/labels': {
        post: { operationId: 'actions/add-custom-labels-to-self-hosted-runner-for-org' },
      },
      '/repos/{owner}/{repo}': { get: { operationId: 'repos/get' } },
    });
    expect(names).toEqual({
      'POST /orgs/{org}/actions/runners/{id}/labels':
        'actions.addCustomLabelsToSelfHostedRunnerForOrg',
      'GET /repos/{owner}/{repo}': 'repos.get',
    });
    expect(Object.values(sources)).toEqual(['operationId-namespace', 'operationId-namespace']);
  });
});

describe("the resource a server URL names (Vonage's one API a URL)", () => {
  const server = (url: string) => ({ servers: [{ url }] });

  it('reads a path that names no resource below the one its server URL names, and the paths below it too', async () => {
    const { names } = await namesOf(
      {
        '/': { get: { operationId: 'getCalls', ...listResponse }, post: {} },
        '/{uuid}': { get: { operationId: 'getCall' }, put: {} },
        '/{uuid}/dtmf': { put: {} },
        // A path that names its resource keeps it (transavia's `/nearest` under `/v2/airports`).
        '/nearest': { get: answering(strings) },
      },
      server('https://api.nexmo.com/v1/calls'),
    );
    expect(names).toEqual({
      'GET /': 'calls.list',
      'POST /': 'calls.create',
      'GET /{uuid}': 'calls.retrieve',
      'PUT /{uuid}': 'calls.update',
      'PUT /{uuid}/dtmf': 'calls.updateDtmf',
      'GET /nearest': 'nearest.list',
    });
  });

  it('keeps the paths where no path is bare, or the only one is a format, or the URL names no resource', async () => {
    // sportsdata's `/v3/nfl/stats` with `/{format}/AllTeams`: the leading parameter is a setting of the whole API.
    const settings = await namesOf(
      { '/{format}/AllTeams': { get: listResponse } },
      server('https://api.sportsdata.io/v3/nfl/stats'),
    );
    expect(settings.names).toEqual({ 'GET /{format}/AllTeams': 'allTeams.list' });
    // Vonage's `POST /{format}` under `/verify` requests a verification; it is no item of `verify`.
    const format = await namesOf(
      { '/{format}': { post: { operationId: 'verifyRequest' } } },
      server('https://api.nexmo.com/verify'),
    );
    expect(format.names).toEqual({ 'POST /{format}': 'api.verify' });
    for (const url of [
      'https://example.com/api/v2',
      'https://example.com/{basePath}',
      '/json',
      '',
    ]) {
      const { names } = await namesOf({ '/{id}': { get: {} } }, url ? server(url) : {});
      expect(names).toEqual({ 'GET /{id}': 'api.retrieve' });
    }
  });

  it.each([
    ['https://api.nexmo.com/v1/calls', 'calls'],
    ['https://api.lambdatest.com/screenshots/v1', 'screenshots'],
    ['/luis/v2.0/apps/', 'apps'],
    ['https://api.nytimes.com/svc/topstories/v2', 'topstories'],
    ['https://example.com/api/v2', undefined],
    ['https://example.com/rest', undefined],
    ['https://example.com/{basePath}', undefined],
    ['https://example.com/v1/json', undefined],
    ['https://example.com', undefined],
    ['', undefined],
  ])('reads the resource %j names as %j', (url, noun) => {
    expect(mountNoun(url)).toBe(noun);
  });

  it("reads an operationId that spells the server URL's path and the path as none (HubSpot's CRM cards)", async () => {
    const id = (method: string, path: string) => ({
      operationId: `${method}-/crm/v3/extensions/cards${path}`,
    });
    const { names, sources } = await namesOf(
      {
        '/{appId}': { get: id('get', '/{appId}'), post: id('post', '/{appId}') },
        '/{appId}/{cardId}': {
          get: id('get', '/{appId}/{cardId}'),
          patch: id('patch', '/{appId}/{cardId}'),
        },
      },
      server('https://api.hubapi.com/crm/v3/extensions/cards'),
    );
    // They named the calls by the words after their last `/`: `appId`, `appId2`, `id`, `id2`.
    expect(names).toEqual({
      'GET /{appId}': 'cards.getByAppId',
      'POST /{appId}': 'cards.postByAppId',
      'GET /{appId}/{cardId}': 'cards.getByAppIdAndCardId',
      'PATCH /{appId}/{cardId}': 'cards.update',
    });
    // The PATCH keeps `update` over `POST /{appId}`, which took it for want of another name (both fell back).
    expect(sources).toEqual({
      'GET /{appId}': 'path',
      'POST /{appId}': 'path',
      'GET /{appId}/{cardId}': 'path',
      'PATCH /{appId}/{cardId}': 'inferred',
    });
  });

  it("keys the names lock and the config's names by the operations' own paths", async () => {
    const pinned = {
      names: new Map([
        ['PUT /{uuid}', { resource: ['calls'], method: 'transfer', source: 'config' as const }],
      ]),
      typePrefixes: new Map<string, string>(),
      unprefixed: new Set<string>(),
    };
    const { names } = await namesOf(
      { '/{uuid}': { get: {}, put: {} } },
      server('https://api.nexmo.com/v1/calls'),
      pinned,
    );
    expect(names).toEqual({ 'GET /{uuid}': 'calls.retrieve', 'PUT /{uuid}': 'calls.transfer' });
  });
});

describe('evidence from extensions', () => {
  it('prefers x-clientgen, then x-fern-sdk-*, then x-speakeasy-*, over inference', async () => {
    const { names, sources, diagnostics } = await namesOf({
      '/a': { get: { 'x-clientgen-resource': 'alpha.beta', 'x-clientgen-method': 'fetchAll' } },
      '/b': {
        get: { 'x-fern-sdk-group-name': ['store', 'items'], 'x-fern-sdk-method-name': 'get_all' },
      },
      '/c': { get: { 'x-speakeasy-group': 'shop.orders', 'x-speakeasy-name-override': 'listAll' } },
      '/d/{id}': { get: { 'x-speakeasy-name-override': 'fetch' } },
      '/e': { get: { 'x-fern-sdk-method-name': 42 } },
    });
    expect(names).toEqual({
      'GET /a': 'alpha.beta.fetchAll',
      'GET /b': 'store.items.getAll',
      'GET /c': 'shop.orders.listAll',
      'GET /d/{id}': 'd.fetch',
      'GET /e': 'e.retrieve',
    });
    expect(sources['GET /a']).toBe('x-clientgen');
    expect(sources['GET /b']).toBe('x-fern');
    expect(sources['GET /c']).toBe('x-speakeasy');
    expect(diagnostics).toEqual([
      'warning invalid-extension: x-fern-sdk-method-name gives no name (expected a name, found 42); the name is inferred instead',
    ]);
  });
});

describe('clashes', () => {
  it("reads an operationId written as its summary without spaces with the summary's word breaks", async () => {
    // VTEX's two PUTs of one account path (their parameters named differently) both want `update`, and fall back
    // to their ids: one lower-case run of words each.
    const { names } = await namesOf({
      '/api/creditcontrol/accounts/{accountId}': {
        put: { operationId: 'OpenorChangeAccount', summary: 'Open or Change Account' },
      },
      '/api/creditcontrol/accounts/{creditAccountId}': {
        put: {
          operationId: 'Updateemailanddescriptionofaaccount',
          summary: 'Update email and description of a account',
        },
      },
    });
    expect(names).toEqual({
      'PUT /api/creditcontrol/accounts/{accountId}': 'creditcontrol.accounts.openOrChangeAccount',
      'PUT /api/creditcontrol/accounts/{creditAccountId}':
        'creditcontrol.accounts.updateEmailAndDescriptionOfAAccount',
    });
    // An acronym's plural stays one word; an id that is not its summary, or says as much, is left as it is.
    expect(spacedBySummary('listfailedipns', 'List failed IPNs')).toBe('list_failed_ipns');
    expect(spacedBySummary('resendIpn', 'Resend every failed IPN')).toBe('resendIpn');
    expect(spacedBySummary('listPets', 'List pets')).toBe('listPets');
    expect(spacedBySummary('listpets', undefined)).toBe('listpets');
    expect(spacedBySummary('Creruncompte', 'Créer un compte')).toBe('Creruncompte');
  });

  it('keeps a clashing name for the item, and names an operation without an operationId that loses after its path', async () => {
    const tags = '/v2/namespaces/{namespace}/repositories/{repository}/tags';
    const docker = await namesOf({
      [tags]: { get: listResponse, head: {} },
      [`${tags}/{tag}`]: { get: {}, head: {} },
    });
    expect(docker.names).toEqual({
      [`GET ${tags}`]: 'namespaces.repositories.tags.list',
      [`HEAD ${tags}`]: 'namespaces.repositories.tags.headTags',
      [`GET ${tags}/{tag}`]: 'namespaces.repositories.tags.retrieve',
      [`HEAD ${tags}/{tag}`]: 'namespaces.repositories.tags.head',
    });
    // `names` says where the name came from: the path, not an operationId the spec does not give.
    expect(docker.sources[`HEAD ${tags}`]).toBe('path');
    // A collection's DELETE that loses to its items' deletes them all (wiremock's journal and stub mappings).
    const wiremock = await namesOf({
      '/__admin/mappings': { get: listResponse, delete: {} },
      '/__admin/mappings/{stubMappingId}': { get: {}, delete: {} },
    });
    expect(wiremock.names['DELETE /__admin/mappings']).toBe('admin.mappings.deleteAll');
    expect(wiremock.names['DELETE /__admin/mappings/{stubMappingId}']).toBe(
      'admin.mappings.delete',
    );
    const pets = await namesOf({ '/pets/{id}': { get: {} }, '/pets/{id}/{version}': { get: {} } });
    expect(pets.names).toEqual({
      'GET /pets/{id}': 'pets.getById',
      'GET /pets/{id}/{version}': 'pets.getByIdAndVersion',
    });
    // Where that name is taken already, the method and whole path (Clever Cloud's /v3/logs beside /logs).
    const logs = await namesOf({ '/logs/{appId}': { get: {} }, '/v3/logs/{appId}': { get: {} } });
    expect(logs.names).toEqual({
      'GET /logs/{appId}': 'logs.getByAppId',
      'GET /v3/logs/{appId}': 'logs.getV3LogsAppId',
    });
    // A PUT's `update` over a POST's on one item (bitbucket's repository, httpbin's): both fell back to their paths.
    const repos = await namesOf({ '/repositories/{workspace}/{slug}': { put: {}, post: {} } });
    expect(repos.names).toEqual({
      'PUT /repositories/{workspace}/{slug}': 'repositories.update',
      'POST /repositories/{workspace}/{slug}': 'repositories.postByWorkspaceAndSlug',
    });
    // A write on a collection whose id is only its method and the resource's nouns is read as one without an id: the
    // item keeps the name (airflow's dags, dracoon's download shares), the collection falls back to its id.
    const bulk = await namesOf({
      '/dags': { get: listResponse, patch: { operationId: 'patch_dags' } },
      '/dags/{dag_id}': { get: {}, patch: { operationId: 'patch_dag' } },
      '/shares/downloads': { get: listResponse, delete: { operationId: 'deleteDownloadShares' } },
      '/shares/downloads/{share_id}': { delete: { operationId: 'removeDownloadShare' } },
      // As before: an id that says more (`bulkUpdateTasks`), and GETs, whose ids tell them apart (sendgrid's stats).
      '/tasks': { patch: { operationId: 'bulkUpdateTasks' } },
      '/tasks/{id}': { patch: { operationId: 'updateTask' } },
      '/clients/stats': { get: { operationId: 'GET_clients-stats' } },
      '/clients/{client_type}/stats': { get: { operationId: 'GET_clients-client_type-stats' } },
    });
    expect(bulk.names).toEqual({
      'GET /dags': 'dags.list',
      'PATCH /dags': 'dags.patch',
      'GET /dags/{dag_id}': 'dags.retrieve',
      'PATCH /dags/{dag_id}': 'dags.update',
      'GET /shares/downloads': 'shares.downloads.list',
      'DELETE /shares/downloads': 'shares.downloads.deleteDownloadShares',
      'DELETE /shares/downloads/{share_id}': 'shares.downloads.delete',
      'PATCH /tasks': 'tasks.bulkUpdateTasks',
      'PATCH /tasks/{id}': 'tasks.update',
      'GET /clients/stats': 'clients.stats.get',
      'GET /clients/{client_type}/stats': 'clients.stats.getTypeStats',
    });
  });

  it('keeps the name for the operation that ranks best and names the others after their operationId (a fixed query: its own name with the query)', async () => {
    const { names } = await namesOf({
      '/threads/runs': { post: { operationId: 'createThreadAndRun' } },
      '/threads/{thread}/runs': { get: listResponse, post: { operationId: 'createRun' } },
      '/threads/{thread}/runs/{run}': { get: {} },
      '/responses': { post: { operationId: 'createResponse' } },
      '/responses?beta=true': { post: { operationId: 'beta_createResponse' } },
    });
    expect(names).toEqual({
      'POST /threads/runs': 'threads.runs.createAndRun',
      'GET /threads/{thread}/runs': 'threads.runs.list',
      'POST /threads/{thread}/runs': 'threads.runs.create',
      'GET /threads/{thread}/runs/{run}': 'threads.runs.retrieve',
      'POST /responses': 'responses.create',
      'POST /responses?beta=true': 'responses.createBeta',
    });
  });

  it('gives every member of a tie its operationId name, numbered when those collide too', async () => {
    const { names } = await namesOf({
      '/pets': { get: { operationId: 'list-pets' } },
      '/pets/': { get: { operationId: 'list_pets' } },
    });
    expect(Object.values(names).sort()).toEqual(['pets.listPets', 'pets.listPets2']);
  });

  it('reports two explicit names that are equal as an error', async () => {
    const { diagnostics } = await namesOf({
      '/a': { get: { 'x-clientgen-resource': 'x', 'x-clientgen-method': 'go' } },
      '/b': { get: { 'x-clientgen-resource': 'x', 'x-clientgen-method': 'go' } },
    });
    expect(diagnostics.filter((d) => d.includes('duplicate-method'))).toHaveLength(2);
  });

  it('gives the same names whatever the order of paths and methods in the file', async () => {
    const paths: Paths = {
      '/threads/runs': { post: { operationId: 'createThreadAndRun' } },
      '/threads/{thread}/runs': { get: listResponse, post: { operationId: 'createRun' } },
      '/pets': { get: { operationId: 'list-pets' } },
      '/pets/': { get: { operationId: 'list_pets' } },
      '/customers/search': { get: {} },
      '/customers/{id}': { get: {}, post: {}, delete: {} },
      '/customers/{id}/confirm': { post: {} },
      '/responses': { post: { operationId: 'createResponse' } },
      '/responses?beta=true': { post: { operationId: 'beta_createResponse' } },
    };
    const expected = (await namesOf(paths)).names;
    // A fixed seed: the shuffles are the same on every run, and cover reversed and interleaved orders.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 5; round++) {
      const keys = Object.keys(paths).sort(() => random() - 0.5);
      const shuffled: Paths = {};
      for (const k of keys) {
        const methods = Object.keys(paths[k]!).sort(() => random() - 0.5);
        shuffled[k] = Object.fromEntries(methods.map((m) => [m, paths[k]![m]!]));
      }
      expect((await namesOf(shuffled)).names).toEqual(expected);
    }
  });
});

describe('inflection', () => {
  it.each([
    ['statuses', 'status'],
    ['aliases', 'alias'],
    ['indices', 'index'],
    ['analyses', 'analysis'],
    ['quizzes', 'quiz'],
    ['children', 'child'],
    ['ToolCalls', 'ToolCall'],
    ['file_batches', 'file_batch'],
    ['data', 'data'],
    ['metadata', 'metadata'],
    ['Choices', 'Choice'],
    // Names that end in an `s` of their own keep it; an acronym's plural is still a plural.
    ['https', 'https'],
    ['dns', 'dns'],
    ['DNS', 'DNS'],
    ['custom_https', 'custom_https'],
    ['os', 'os'],
    ['macos', 'macos'],
    ['kubernetes', 'kubernetes'],
    ['lenses', 'lens'],
    ['ids', 'id'],
    ['vms', 'vm'],
    ['apis', 'api'],
  ])('singular(%s) is %s', (word, expected) => {
    expect(singular(word)).toBe(expected);
  });

  it('tells plurals from singular and mass nouns', () => {
    expect([
      isPlural('parts'),
      isPlural('file_batches'),
      isPlural('search'),
      isPlural('data'),
    ]).toEqual([true, true, false, false]);
  });
});
