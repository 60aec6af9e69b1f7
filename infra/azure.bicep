// Call Doctor in Azure: one Linux App Service (Node 20) hosting the bot endpoint, the tab and its API;
// a user-assigned managed identity for the bot, Graph and storage; an Azure Bot with the Teams channel;
// a Storage account (tables + queue) shared by every instance; Key Vault for the few secrets; and
// Application Insights for the server's logs and traces. Outputs become the toolkit's env variables.

@minLength(4)
@maxLength(20)
@description('Base of every resource name: lower-case letters and digits, e.g. calldoctor + RESOURCE_SUFFIX.')
param resourceBaseName string

@description('App Service plan SKU. B1 is enough for one tenant; P0v3 or above for several instances.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('App Service instances. Above 1 needs STORE=azure, which this template always sets.')
param instanceCount int = 1

@maxLength(42)
@description('Name of the bot in the Azure portal and the Bot Framework.')
param botDisplayName string

@description('Client id of the tab SSO app registration (aadApp/create in teamsapp.yml).')
param tabClientId string

@description('Teams app id from the manifest (teamsApp/create), used for deep links into the tab.')
param teamsAppId string

@description('Shared secret Graph echoes in change notifications; one value for all instances, kept across deployments (teamsapp.yml generates it once).')
@secure()
@minLength(16)
@maxLength(128)
param alertsClientState string

param location string = resourceGroup().location

var baseName = toLower(resourceBaseName)
var identityName = '${baseName}-identity'
var planName = '${baseName}-plan'
var webAppName = '${baseName}-app'
var storageAccountName = '${replace(baseName, '-', '')}st'
var vaultName = '${baseName}-kv'
var workspaceName = '${baseName}-logs'
var insightsName = '${baseName}-insights'
var alertsQueueName = 'calldoctor-alerts'
var hostName = '${webAppName}.azurewebsites.net'
var tableNames = [
  'alertLeases'
  'alertLog'
  'alertPoison'
  'alertPreferences'
  'alertProcessed'
  'alertSubscriptions'
  'botState'
  'callIndex'
  'callIndexCoverage'
  'callRecords'
  'conversationReferences'
  'feedback'
  'helpdeskAudit'
  'pendingDiagnoses'
]
// Built-in role definition ids (data plane only: the app never needs account keys for these).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: 'calldoctor${table}'
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource alertsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: alertsQueueName
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
  }
}

// The server's Azure store reads a connection string; it lives in Key Vault, so no account key
// appears in the app settings, and the app reads it with its managed identity.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'alerts-client-state'
  properties: {
    value: alertsClientState
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: 'https://${hostName}' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: tenant().tenantId }
        { name: 'GRAPH_TENANT_ID', value: tenant().tenantId }
        { name: 'GRAPH_CLIENT_ID', value: identity.properties.clientId }
        { name: 'GRAPH_AUTH', value: 'managedIdentity' }
        { name: 'STORE', value: 'azure' }
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: '@Microsoft.KeyVault(SecretUri=${storageSecret.properties.secretUri})' }
        { name: 'AZURE_STORAGE_ALERTS_QUEUE', value: alertsQueue.name }
        { name: 'ALERTS_CLIENT_STATE', value: '@Microsoft.KeyVault(SecretUri=${clientStateSecret.properties.secretUri})' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'TAB_CLIENT_ID', value: tabClientId }
        { name: 'TAB_APP_ID_URI', value: 'api://${hostName}/${tabClientId}' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [
    vaultRole
  ]
}

module bot './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: '${baseName}-bot'
    botDisplayName: botDisplayName
    botAppId: identity.properties.clientId
    botAppMsiResourceId: identity.id
    botTenantId: tenant().tenantId
    messagingEndpoint: 'https://${hostName}/api/messages'
  }
}

// Names the yml files read after arm/deploy (teamsapp.yml, aad.manifest.json, the app manifest).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = hostName
output BOT_ENDPOINT string = 'https://${hostName}'
output TAB_DOMAIN string = hostName
output TAB_ENDPOINT string = 'https://${hostName}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenant().tenantId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = insights.properties.ConnectionString
