// The Azure Bot for Call Doctor: single tenant, signed in as the app's user-assigned managed identity
// (Azure no longer creates multi-tenant bots), with the Microsoft Teams channel. Deployable alone when
// the server is hosted outside Azure.

@maxLength(64)
param botServiceName string

@maxLength(42)
param botDisplayName string

@description('Client id of the user-assigned managed identity the bot signs in as.')
param botAppId string

@description('Resource id of that managed identity.')
param botAppMsiResourceId string

param botTenantId string

@description('https://<host>/api/messages')
param messagingEndpoint string

param botServiceSku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppMSIResourceId: botAppMsiResourceId
    msaAppTenantId: botTenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}
